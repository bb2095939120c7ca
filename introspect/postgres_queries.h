// The catalog queries of the PostgreSQL introspector: one bulk query per object kind, each
// taking the schema list as $1 (a text[]), so their number never grows with the schema.
#ifndef SCHEMADIFF_INTROSPECT_POSTGRES_QUERIES_H_
#define SCHEMADIFF_INTROSPECT_POSTGRES_QUERIES_H_

namespace schemadiff::pg_queries {

// Enum types: schema, name, label; in label order.
// Columns: 0 nspname, 1 typname, 2 enumlabel.
extern const char* const kEnums;

// Tables (ordinary and partitioned, not partitions).
// Columns: 0 oid, 1 nspname, 2 relname, 3 comment.
extern const char* const kTables;

// Columns of those tables, by table and position.
// Columns: 0 attrelid, 1 attnum, 2 attname, 3 format_type, 4 attnotnull, 5 default expression,
// 6 attidentity, 7 attgenerated, 8 comment, 9 collation (when not the type's), 10 typtype,
// 11 typname, 12 type schema, 13 array element typtype, 14 element typname, 15 element schema,
// 16 owned sequence (regclass text), 17 dependency type of that sequence ('a' serial,
// 'i' identity; the identity one when a column has both), 18 sequence start, 19 sequence
// increment.
extern const char* const kColumns;

// Primary key, unique, foreign key and check constraints.
// Columns: 0 conrelid, 1 conname, 2 contype, 3 column names (text[]), 4 referenced schema,
// 5 referenced table, 6 referenced column names (text[]), 7 confupdtype, 8 confdeltype,
// 9 confmatchtype, 10 condeferrable, 11 condeferred, 12 convalidated, 13 check expression,
// 14 unique NULLS NOT DISTINCT.
extern const char* const kConstraints;

// Indexes that back no primary key, unique or exclusion constraint.
// Columns: 0 indrelid, 1 index name, 2 indisunique, 3 indnullsnotdistinct, 4 access method,
// 5 indnkeyatts, 6 indkey (space separated attnums, 0 for expressions), 7 indoption (space
// separated), 8 predicate, 9 key definitions (text[], only when the index has expressions),
// 10 non-default operator classes per key (text[], '' for defaults), 11 collations of column
// keys that differ from the column's (text[], '' otherwise and for expression keys).
extern const char* const kIndexes;

}  // namespace schemadiff::pg_queries

#endif  // SCHEMADIFF_INTROSPECT_POSTGRES_QUERIES_H_
