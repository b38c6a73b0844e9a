/** A reason the lake export will not run or could not finish, worded for the person who ran it (no stack trace). */
export class LakeRefusal extends Error {
  override name = 'LakeRefusal';
}
