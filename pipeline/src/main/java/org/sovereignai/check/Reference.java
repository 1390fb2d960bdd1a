package org.sovereignai.check;

/**
 * A value in a row that can only be judged once the whole sheet is read (an alias, a base model naming a record).
 *
 * @param key     what it is looked up by among the ids
 * @param value   as written, for the finding
 * @param ownerId the id of the row it is in, or null
 */
record Reference(String key, String value, int row, String ownerId) {
}
