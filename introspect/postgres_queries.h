// The catalog queries of the PostgreSQL introspector: one bulk query per object kind, each
// taking the schema list as $1 (a text[]), plus two small lookup tables, so their number never
// grows with the schema. No correlated subquery per object: names of key columns, operator
// classes and collations are resolved on the client.
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
// 16 attcollation (oid).
extern const char* const kColumns;

// Sequences of those schemas owned by a column (serial, deptype 'a') or backing an identity
// column (deptype 'i').
// Columns: 0 table oid, 1 attnum, 2 deptype, 3 sequence (regclass text), 4 start, 5 increment.
extern const char* const kSequences;

// Primary key, unique, foreign key and check constraints.
// Columns: 0 conrelid, 1 conname, 2 contype, 3 conkey ("{1,2}"), 4 confrelid, 5 confkey,
// 6 referenced schema, 7 referenced table, 8 confupdtype, 9 confdeltype, 10 confmatchtype,
// 11 condeferrable, 12 condeferred, 13 convalidated, 14 check expression, 15 unique NULLS NOT
// DISTINCT.
extern const char* const kConstraints;

// Column names of the tables $1 (an oid[]): the tables foreign keys refer to outside the
// schemas read. Run only when there are such tables.
// Columns: 0 attrelid, 1 attnum, 2 attname.
extern const char* const kColumnNames;

// Indexes that back no primary key, unique or exclusion constraint.
// Columns: 0 indrelid, 1 index name, 2 indisunique, 3 indnullsnotdistinct, 4 access method,
// 5 indnkeyatts, 6 indkey (space separated attnums, 0 for expressions), 7 indoption (space
// separated), 8 predicate, 9 key definitions (text[], only when the index has expressions),
// 10 indclass (space separated operator class oids), 11 indcollation (space separated oids).
extern const char* const kIndexes;

// Operator classes that are not their type's default. Columns: 0 oid, 1 opcname.
extern const char* const kOperatorClasses;

// Collations. Columns: 0 oid, 1 collname.
extern const char* const kCollations;

}  // namespace schemadiff::pg_queries

#endif  // SCHEMADIFF_INTROSPECT_POSTGRES_QUERIES_H_
