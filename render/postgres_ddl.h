// SQL fragments of PostgreSQL DDL: qualified names, column definitions, constraint and index
// definitions. Shared by the PostgreSQL SQL renderer's op handlers.
#ifndef SCHEMADIFF_RENDER_POSTGRES_DDL_H_
#define SCHEMADIFF_RENDER_POSTGRES_DDL_H_

#include <string>
#include <string_view>

#include "catalog/catalog.h"
#include "diff/ops.h"

namespace schemadiff {

// "schema.name" or "name", each part quoted where needed ("" is the default schema).
std::string PgName(std::string_view schema, std::string_view name);

// Where an enum type a column names lives: (schema, name) in the catalog model.
std::pair<std::string, std::string> PgEnumKey(const DataType& enum_type,
                                              const std::string& table_schema,
                                              const Catalog& catalog);

// The DDL spelling of a column type, enum types qualified with their schema when it is not
// the default one.
std::string PgTypeSql(const DataType& type, const std::string& table_schema,
                      const Catalog& catalog);

// A column definition for CREATE TABLE / ADD COLUMN: name, type (serial for autoincrement),
// COLLATE, GENERATED, DEFAULT, NOT NULL.
std::string PgColumnDefinition(const Column& column, const std::string& table_schema,
                               const Catalog& catalog);

// IDENTITY options "(START WITH s INCREMENT BY i)", or "" when both are the defaults.
std::string PgIdentityOptions(const Identity& identity);

// "CONSTRAINT name PRIMARY KEY (a, b)" and the like (no NOT VALID); the CONSTRAINT clause is
// left out for unnamed constraints.
std::string PgConstraintDefinition(const Constraint& constraint, const std::string& table_schema);

// CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON table USING ... (...) INCLUDE ... WHERE ...
std::string PgCreateIndex(const Index& index, const std::string& schema, const std::string& table,
                          bool concurrently);

// COMMENT ON COLUMN t.c IS '...' (or IS NULL).
std::string PgColumnComment(const std::string& schema, const std::string& table,
                            const std::string& column, const std::optional<std::string>& comment);

// A name derived from `parts` for an object schemadiff creates itself, cut to PostgreSQL's 63
// bytes the way PostgreSQL would truncate it.
std::string PgDerivedName(std::string_view base, std::string_view suffix);

}  // namespace schemadiff

#endif  // SCHEMADIFF_RENDER_POSTGRES_DDL_H_
