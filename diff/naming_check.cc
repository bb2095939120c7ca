#include "diff/naming_check.h"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "catalog/naming.h"
#include "diff/warnings.h"

namespace schemadiff {
namespace {

// Adds a note when `name` (explicit, non-empty) is not what the convention gives `subject`.
void Check(const Catalog& target, const Dialect& dialect, const NamingSubject& subject,
           const std::string& what, const std::string& name, NameOrigin origin,
           std::vector<Warning>& out) {
  if (name.empty() || origin != NameOrigin::kExplicit) return;
  if (ConventionUsesConstraintName(target.naming_convention, subject.kind)) return;
  const absl::StatusOr<std::optional<std::string>> conventional = ConventionalName(
      target.naming_convention, subject, dialect.capabilities().max_identifier_length);
  // A template the subject cannot fill is the loader's error to report, not a naming note.
  if (!conventional.ok() || !conventional->has_value() || **conventional == name) return;
  out.push_back(NamingConventionWarning(QualifiedName(subject.table->schema, subject.table->name),
                                        what, name, **conventional));
}

// A subject of `kind` on `table` over `columns`.
NamingSubject Subject(const char* kind, const Table& table, std::vector<std::string> columns) {
  NamingSubject subject;
  subject.kind = kind;
  subject.table = &table;
  subject.columns = std::move(columns);
  return subject;
}

void CheckTable(const Catalog& target, const Dialect& dialect, const Table& table,
                std::vector<Warning>& out) {
  if (table.primary_key) {
    Check(target, dialect, Subject("pk", table, table.primary_key->columns), "primary key",
          table.primary_key->name, table.primary_key->name_origin, out);
  }
  for (const UniqueConstraint& uq : table.uniques) {
    Check(target, dialect, Subject("uq", table, uq.columns), "unique constraint", uq.name,
          uq.name_origin, out);
  }
  for (const CheckConstraint& ck : table.checks) {
    Check(target, dialect, Subject("ck", table, {}), "check constraint", ck.name, ck.name_origin,
          out);
  }
  for (const ForeignKey& fk : table.foreign_keys) {
    NamingSubject subject = Subject("fk", table, fk.columns);
    subject.referred_table = fk.referred_table;
    subject.referred_columns = fk.referred_columns;
    Check(target, dialect, subject, "foreign key", fk.name, fk.name_origin, out);
  }
  for (const Index& ix : table.indexes) {
    const bool columns_only = std::all_of(ix.elements.begin(), ix.elements.end(),
                                          [](const IndexElement& e) { return !e.column.empty(); });
    if (!columns_only) continue;  // expression keys have no column names to fill a template
    std::vector<std::string> columns;
    for (const IndexElement& e : ix.elements) columns.push_back(e.column);
    Check(target, dialect, Subject("ix", table, std::move(columns)), "index", ix.name,
          ix.name_origin, out);
  }
}

}  // namespace

std::vector<Warning> NamingConventionNotes(const Catalog& target, const Dialect& dialect) {
  std::vector<Warning> out;
  if (target.naming_convention.empty()) return out;
  std::vector<const Table*> tables;
  for (const Table& t : target.tables) tables.push_back(&t);
  std::sort(tables.begin(), tables.end(), [](const Table* a, const Table* b) {
    return std::tie(a->schema, a->name) < std::tie(b->schema, b->name);
  });
  for (const Table* table : tables) CheckTable(target, dialect, *table, out);
  return out;
}

}  // namespace schemadiff
