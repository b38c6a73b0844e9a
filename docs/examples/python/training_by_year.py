#!/usr/bin/env python3
"""Training person-times by year for one province and programme, read from the talent-dashboard API with pandas.

    python3 training_by_year.py [BASE_URL] [PROVINCE] [PROGRAMME]
    python3 training_by_year.py http://localhost:8080 440000 vocational_training

Reads the training records export (GET /api/datasets/training) as CSV with pandas alone, then, when pyarrow is
installed, the same request as Parquet and as an Arrow stream, and prints the totals each way. Needs pandas
(Debian: apt-get install python3-pandas); pyarrow is optional (pip install pyarrow).
"""

import io
import os
import sys
import urllib.parse
import urllib.request

import pandas as pd

base = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("TALENT_API", "http://localhost:8080")
province = sys.argv[2] if len(sys.argv) > 2 else "440000"
programme = sys.argv[3] if len(sys.argv) > 3 else "vocational_training"


def fetch(fmt):
    """The export in one format: its bytes and the data version (snapshot id) it was read from."""
    query = urllib.parse.urlencode({"regions": province, "programs": programme, "format": fmt})
    with urllib.request.urlopen(f"{base}/api/datasets/training?{query}") as response:
        return response.read(), response.headers["X-Data-Version"]


def by_year(records):
    """Rows and person-times per calendar year (month as text, '2024-03', or as a date: both parse)."""
    years = pd.to_datetime(records["month"].astype(str)).dt.year.rename("year")
    return records.groupby(years).agg(rows=("person_times", "size"), person_times=("person_times", "sum"))


# CSV: UTF-8 with a byte-order mark; codes are text, so keep their leading digits as written.
body, version = fetch("csv")
records = pd.read_csv(io.BytesIO(body), encoding="utf-8-sig", dtype={"region_code": str, "province_code": str})
print(f"data version {version}: training, {programme}, region {province} and the units below it")
# The source column says where rows come from: 'synthetic' is the generated sample, not official statistics.
print(f"sources: {', '.join(sorted(records['source'].unique()))}")
print("CSV:")
print(by_year(records).to_string())

try:
    import pyarrow
except ImportError:
    print("pyarrow not installed: Parquet and Arrow skipped (pip install pyarrow)")
else:
    body, _ = fetch("parquet")
    print("Parquet:")
    print(by_year(pd.read_parquet(io.BytesIO(body))).to_string())
    body, _ = fetch("arrow")
    print("Arrow:")
    print(by_year(pyarrow.ipc.open_stream(body).read_pandas()).to_string())
