// The operation IR between the differ and the renderers. Every operation carries enough of the
// existing state to be reversed on its own (like Alembic's existing_type / existing_nullable).
#ifndef SCHEMADIFF_DIFF_OPS_H_
#define SCHEMADIFF_DIFF_OPS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "catalog/catalog.h"

namespace schemadiff {

// A table-level constraint.
using Constraint = std::variant<PrimaryKey, UniqueConstraint, ForeignKey, CheckConstraint>;

// The name of whichever constraint `c` holds.
const std::string& ConstraintName(const Constraint& c);

// CREATE TABLE with its columns, primary key, uniques, checks and foreign keys (indexes and
// comments follow as their own ops).
struct CreateTable {
  Table table;
  friend bool operator==(const CreateTable&, const CreateTable&) = default;
};
// DROP TABLE; `table` is the definition being dropped, as CreateTable would create it: the
// differ drops its indexes, comment and cycle-closing foreign keys with their own ops first, so
// that Reverse() gives back a CreateTable of the same shape.
struct DropTable {
  Table table;
  friend bool operator==(const DropTable&, const DropTable&) = default;
};
struct RenameTable {
  std::string schema;
  std::string from;
  std::string to;
  friend bool operator==(const RenameTable&, const RenameTable&) = default;
};
struct AddColumn {
  std::string schema;
  std::string table;
  Column column;
  friend bool operator==(const AddColumn&, const AddColumn&) = default;
};
struct DropColumn {
  std::string schema;
  std::string table;
  Column column;
  friend bool operator==(const DropColumn&, const DropColumn&) = default;
};
// Which attributes an AlterColumn changes.
enum AlterMask : uint32_t {
  kAlterType = 1u << 0,
  kAlterNullable = 1u << 1,
  kAlterDefault = 1u << 2,
  kAlterComment = 1u << 3,
  kAlterAutoincrement = 1u << 4,  // also identity
  kAlterGenerated = 1u << 5,
  kAlterCollation = 1u << 6,  // collation / charset
  kAlterOnUpdate = 1u << 7,
};
// Changes one column from `from` to `to` (same name); `changes` says which attributes differ.
struct AlterColumn {
  std::string schema;
  std::string table;
  Column from;
  Column to;
  uint32_t changes = 0;
  friend bool operator==(const AlterColumn&, const AlterColumn&) = default;
};
struct RenameColumn {
  std::string schema;
  std::string table;
  std::string from;
  std::string to;
  friend bool operator==(const RenameColumn&, const RenameColumn&) = default;
};
struct CreateIndex {
  std::string schema;
  std::string table;
  Index index;
  friend bool operator==(const CreateIndex&, const CreateIndex&) = default;
};
struct DropIndex {
  std::string schema;
  std::string table;
  Index index;
  friend bool operator==(const DropIndex&, const DropIndex&) = default;
};
struct RenameIndex {
  std::string schema;
  std::string table;
  std::string from;
  std::string to;
  friend bool operator==(const RenameIndex&, const RenameIndex&) = default;
};
struct AddConstraint {
  std::string schema;
  std::string table;
  Constraint constraint;
  friend bool operator==(const AddConstraint&, const AddConstraint&) = default;
};
struct DropConstraint {
  std::string schema;
  std::string table;
  Constraint constraint;
  friend bool operator==(const DropConstraint&, const DropConstraint&) = default;
};
struct RenameConstraint {
  std::string schema;
  std::string table;
  std::string from;
  std::string to;
  friend bool operator==(const RenameConstraint&, const RenameConstraint&) = default;
};
struct SetTableComment {
  std::string schema;
  std::string table;
  std::optional<std::string> from;
  std::optional<std::string> to;
  friend bool operator==(const SetTableComment&, const SetTableComment&) = default;
};
// Table options (MySQL engine / charset / collation): from -> to.
struct AlterTableOptions {
  std::string schema;
  std::string table;
  std::map<std::string, std::string> from;
  std::map<std::string, std::string> to;
  friend bool operator==(const AlterTableOptions&, const AlterTableOptions&) = default;
};
struct CreateEnum {
  Enum enum_type;
  friend bool operator==(const CreateEnum&, const CreateEnum&) = default;
};
struct DropEnum {
  Enum enum_type;
  friend bool operator==(const DropEnum&, const DropEnum&) = default;
};
// Changes an enum's value list from `from.values` to `to.values` (additions, hinted renames,
// removals, reorders; the renderer picks ADD VALUE / RENAME VALUE or a type swap).
struct AlterEnum {
  Enum from;
  Enum to;
  friend bool operator==(const AlterEnum&, const AlterEnum&) = default;
};

// One schema change.
using Op = std::variant<CreateTable, DropTable, RenameTable, AddColumn, DropColumn, AlterColumn,
                        RenameColumn, CreateIndex, DropIndex, RenameIndex, AddConstraint,
                        DropConstraint, RenameConstraint, SetTableComment, AlterTableOptions,
                        CreateEnum, DropEnum, AlterEnum>;

// The op that undoes `op`.
Op Reverse(const Op& op);

// The table an op concerns (schema, name); empty name for enum ops.
std::pair<std::string, std::string> OpTable(const Op& op);

// A one-line human description, e.g. "add column orders.note (text, nullable)".
std::string DescribeOp(const Op& op);

}  // namespace schemadiff

#endif  // SCHEMADIFF_DIFF_OPS_H_
