#!/usr/bin/env Rscript
# Training person-times by year for one province and programme, read from the talent-dashboard API in R.
#
#   Rscript training_by_year.R [BASE_URL] [PROVINCE] [PROGRAMME]
#   Rscript training_by_year.R http://localhost:8080 440000 vocational_training
#
# Reads the training records export (GET /api/datasets/training) as CSV with base R, then the same request as
# Parquet and as an Arrow stream with the arrow package (install.packages("arrow")), and prints the totals each way.

args <- commandArgs(trailingOnly = TRUE)
base <- if (length(args) >= 1) args[[1]] else Sys.getenv("TALENT_API", "http://localhost:8080")
province <- if (length(args) >= 2) args[[2]] else "440000"
programme <- if (length(args) >= 3) args[[3]] else "vocational_training"

export_url <- function(format) {
  sprintf("%s/api/datasets/training?regions=%s&programs=%s&format=%s", base, province, programme, format)
}

# Rows and person-times per calendar year (month as text, "2024-03", or as a date: both give the year).
by_year <- function(records) {
  records$year <- as.integer(substr(as.character(records$month), 1, 4))
  records$person_times <- as.numeric(records$person_times)
  rows <- aggregate(person_times ~ year, data = records, FUN = length)
  names(rows)[2] <- "rows"
  merge(rows, aggregate(person_times ~ year, data = records, FUN = sum), by = "year")
}

# Downloads one format to a temporary file (binary mode, so Parquet and Arrow bytes arrive intact).
download <- function(format) {
  path <- tempfile(fileext = paste0(".", format))
  download.file(export_url(format), path, mode = "wb", quiet = TRUE)
  path
}

# CSV: UTF-8 with a byte-order mark; codes are text, so keep their leading digits as written.
csv <- read.csv(download("csv"), fileEncoding = "UTF-8-BOM", colClasses = c(region_code = "character", province_code = "character"))
cat(sprintf("training, %s, region %s and the units below it\n", programme, province))
# The source column says where rows come from: "synthetic" is the generated sample, not official statistics.
cat(sprintf("sources: %s\n", paste(sort(unique(csv$source)), collapse = ", ")))
cat("CSV:\n")
print(by_year(csv), row.names = FALSE)

library(arrow)
cat("Parquet:\n")
print(by_year(as.data.frame(read_parquet(download("parquet")))), row.names = FALSE)
cat("Arrow:\n")
print(by_year(as.data.frame(read_ipc_stream(download("arrow")))), row.names = FALSE)
