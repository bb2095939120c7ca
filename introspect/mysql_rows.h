// The rows the MySQL introspector reads from information_schema, one struct per bulk query, as
// plain values: the reader (mysql_reader.h) fills them from the server, the builder
// (mysql_catalog_builder.h) joins them into a catalog on the client.
#ifndef SCHEMADIFF_INTROSPECT_MYSQL_ROWS_H_
#define SCHEMADIFF_INTROSPECT_MYSQL_ROWS_H_

#include <optional>
#include <string>
#include <vector>

namespace schemadiff {

// The server and the database being read.
struct MysqlServerInfo {
  std::string version;  // VERSION(), e.g. "10.11.6-MariaDB-0+deb12u1" or "8.0.36"
  std::string database;
  std::string default_collation;  // @@collation_database
  std::string default_engine;     // @@default_storage_engine
};

// information_schema.TABLES (base tables only).
struct MysqlTableRow {
  std::string name;
  std::string engine;
  std::string collation;  // TABLE_COLLATION
  std::string comment;
};

// information_schema.COLUMNS.
struct MysqlColumnRow {
  std::string table;
  std::string name;
  int position = 0;
  std::string column_type;  // COLUMN_TYPE, e.g. "int(10) unsigned", "enum('a','b')"
  bool nullable = true;
  std::optional<std::string> column_default;  // nullopt: SQL NULL
  std::string extra;    // auto_increment, on update ..., VIRTUAL GENERATED, ...
  std::string charset;  // "" for non-character columns
  std::string collation;
  std::string generation_expression;
  std::string comment;
};

// information_schema.STATISTICS: one key part of an index.
struct MysqlIndexRow {
  std::string table;
  std::string name;
  bool unique = false;
  int seq = 0;
  std::string column;      // "" for a functional key part
  std::string expression;  // MySQL 8 functional key part
  std::optional<int> sub_part;
  std::string index_type;  // BTREE, FULLTEXT, SPATIAL, HASH
  bool descending = false;
};

// information_schema.KEY_COLUMN_USAGE rows of foreign keys.
struct MysqlForeignKeyColumnRow {
  std::string table;
  std::string name;
  int position = 0;
  std::string column;
  std::string referenced_schema;
  std::string referenced_table;
  std::string referenced_column;
};

// information_schema.REFERENTIAL_CONSTRAINTS.
struct MysqlForeignKeyRuleRow {
  std::string table;
  std::string name;
  std::string update_rule;
  std::string delete_rule;
};

// information_schema.CHECK_CONSTRAINTS (joined to TABLE_CONSTRAINTS on MySQL, whose
// CHECK_CONSTRAINTS lacks the table name).
struct MysqlCheckRow {
  std::string table;
  std::string name;
  std::string clause;
  bool column_level = false;  // MariaDB LEVEL = 'Column' (written on the column)
};

// information_schema.COLLATIONS.
struct MysqlCollationRow {
  std::string name;
  std::string charset;
  bool is_default = false;
};

// Everything one introspection reads.
struct MysqlCatalogRows {
  MysqlServerInfo server;
  std::vector<MysqlTableRow> tables;
  std::vector<MysqlColumnRow> columns;
  std::vector<MysqlIndexRow> indexes;
  std::vector<MysqlForeignKeyColumnRow> foreign_key_columns;
  std::vector<MysqlForeignKeyRuleRow> foreign_key_rules;
  std::vector<MysqlCheckRow> checks;
  std::vector<MysqlCollationRow> collations;
};

}  // namespace schemadiff

#endif  // SCHEMADIFF_INTROSPECT_MYSQL_ROWS_H_
