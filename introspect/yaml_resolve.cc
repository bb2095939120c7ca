#include "introspect/yaml_resolve.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/naming.h"
#include "catalog/sql_text.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "introspect/yaml_column.h"
#include "introspect/yaml_constraint.h"

namespace schemadiff::yaml {
namespace {

// "(a, b)" for messages.
std::string ColumnList(const std::vector<std::string>& columns) {
  return absl::StrCat("(", absl::StrJoin(columns, ", "), ")");
}

// The text of an index key for messages.
std::string ElementText(const IndexElement& element) {
  return element.column.empty() ? element.expression : element.column;
}

// A constraint or index being named or checked, with what messages call it.
struct Named {
  std::string* name;
  NameOrigin* origin;
  const ConstraintSource* source;
  std::string label;  // "index (email) of table 'users'"
  NamingSubject subject;
};

// Every constraint and index of table `t`, in a fixed order.
std::vector<Named> NamedObjects(Table& t, const TableSource& source) {
  std::vector<Named> out;
  const std::string of = absl::StrCat(" of ", TableLabel(t));
  auto subject = [&](std::string kind, std::vector<std::string> columns) {
    NamingSubject s;
    s.kind = std::move(kind);
    s.table = &t;
    s.columns = std::move(columns);
    return s;
  };
  if (t.primary_key) {
    out.push_back({&t.primary_key->name, &t.primary_key->name_origin, &source.primary_key,
                   absl::StrCat("primary key ", ColumnList(t.primary_key->columns), of),
                   subject("pk", t.primary_key->columns)});
  }
  for (size_t i = 0; i < t.uniques.size(); ++i) {
    UniqueConstraint& u = t.uniques[i];
    out.push_back({&u.name, &u.name_origin, &source.uniques[i],
                   absl::StrCat("unique constraint ", ColumnList(u.columns), of),
                   subject("uq", u.columns)});
  }
  for (size_t i = 0; i < t.indexes.size(); ++i) {
    Index& index = t.indexes[i];
    std::vector<std::string> keys;
    for (const IndexElement& e : index.elements) keys.push_back(ElementText(e));
    out.push_back({&index.name, &index.name_origin, &source.indexes[i],
                   absl::StrCat("index ", ColumnList(keys), of),
                   subject("ix", IndexNamingColumns(index, t))});
  }
  for (size_t i = 0; i < t.foreign_keys.size(); ++i) {
    ForeignKey& fk = t.foreign_keys[i];
    NamingSubject s = subject("fk", fk.columns);
    s.referred_table = fk.referred_table;
    s.referred_columns = fk.referred_columns;
    out.push_back({&fk.name, &fk.name_origin, &source.foreign_keys[i],
                   absl::StrCat("foreign key ", ColumnList(fk.columns), of), std::move(s)});
  }
  for (size_t i = 0; i < t.checks.size(); ++i) {
    CheckConstraint& check = t.checks[i];
    out.push_back({&check.name, &check.name_origin, &source.checks[i],
                   absl::StrCat("check (", check.expression, ")", of), subject("ck", {})});
  }
  return out;
}

// The tables of a catalog by (schema, name); the catalog must outlive it and not change.
using TableKey = std::pair<std::string_view, std::string_view>;  // (schema, name)
using TableIndex = std::map<TableKey, const Table*>;

TableIndex IndexTables(const Catalog& catalog) {
  TableIndex index;
  for (const Table& table : catalog.tables)
    index.emplace(TableKey(table.schema, table.name), &table);
  return index;
}

// Writes the referred schema of each foreign key of `t` as the introspectors do: "" for the
// table's own schema, and the default schema by name only from a table in another schema
// (PostgreSQL: "public" from billing.invoices, "" from public.orders).
void NormalizeReferredSchemas(const Dialect& dialect, Table& t) {
  for (ForeignKey& fk : t.foreign_keys) {
    if (!fk.referred_schema.empty() && CatalogSchema(dialect, fk.referred_schema) == t.schema) {
      fk.referred_schema.clear();
    }
  }
}

// Checks the target table and columns of each foreign key of table `t`.
absl::Status CheckForeignKeys(const ErrorSink& errors, const Dialect& dialect,
                              const Catalog& catalog, const TableIndex& tables, const Table& t,
                              const TableSource& source) {
  for (size_t i = 0; i < t.foreign_keys.size(); ++i) {
    const ForeignKey& fk = t.foreign_keys[i];
    const ConstraintSource& located = source.foreign_keys[i];
    const std::string schema =
        fk.referred_schema.empty() ? t.schema : CatalogSchema(dialect, fk.referred_schema);
    const auto found = tables.find(TableKey(schema, fk.referred_table));
    const Table* target = found == tables.end() ? nullptr : found->second;
    const auto label = [&] {
      return absl::StrCat("foreign key ", ColumnList(fk.columns), " of ", TableLabel(t));
    };
    if (target == nullptr) {
      std::vector<std::string> names;
      for (const Table& other : catalog.tables) {
        if (other.schema == schema) names.push_back(other.name);
      }
      return errors.At(located.referred_table,
                       absl::StrCat(label(), " references missing table '",
                                    QualifiedName(schema, fk.referred_table), "'",
                                    DidYouMean(fk.referred_table, names)));
    }
    for (size_t j = 0; j < fk.referred_columns.size(); ++j) {
      if (FindColumn(*target, fk.referred_columns[j]) != nullptr) continue;
      std::vector<std::string> names;
      for (const Column& column : target->columns) names.push_back(column.name);
      return errors.At(located.referred_columns[j],
                       absl::StrCat(label(), " references missing column '",
                                    QualifiedName(target->name, fk.referred_columns[j]), "'",
                                    DidYouMean(fk.referred_columns[j], names)));
    }
  }
  return absl::OkStatus();
}

// Names `object` by the convention where SQLAlchemy would.
absl::Status ApplyConvention(const ErrorSink& errors, const NamingConvention& convention,
                             int max_length, Named& object) {
  const NameMode mode = object.source->name_mode;
  if (mode == NameMode::kConvName) return absl::OkStatus();
  if (mode == NameMode::kName) {
    if (!ConventionUsesConstraintName(convention, object.subject.kind)) return absl::OkStatus();
    object.subject.constraint_name = *object.name;
  }
  absl::StatusOr<std::optional<std::string>> name =
      ConventionalName(convention, object.subject, max_length);
  if (!name.ok()) {
    return errors.At(object.source->mark,
                     absl::StrCat("cannot name ", object.label, " with naming_convention.",
                                  object.subject.kind, ": ", name.status().message()));
  }
  if (!name->has_value()) return absl::OkStatus();
  *object.name = **name;
  *object.origin = NameOrigin::kConvention;
  return absl::OkStatus();
}

// The message for a name used twice.
absl::Status Duplicate(const ErrorSink& errors, const Named& second, const std::string& first) {
  const bool conventional = *second.origin == NameOrigin::kConvention;
  return errors.At(second.source->mark,
                   absl::StrCat("duplicate name '", *second.name, "' for ", second.label,
                                ": already used by ", first,
                                conventional ? " (the name comes from the naming convention; "
                                               "give one of them an explicit name)"
                                             : ""));
}

}  // namespace

std::vector<std::string> IndexNamingColumns(const Index& index, const Table& table) {
  std::vector<std::string> columns;
  auto add = [&](const std::string& name) {
    if (std::find(columns.begin(), columns.end(), name) == columns.end()) {
      columns.push_back(name);
    }
  };
  SqlTextOptions options;
  options.identifier_quotes = "\"`[";
  options.unquote_simple_identifiers = false;
  for (const IndexElement& element : index.elements) {
    if (!element.column.empty()) {
      add(element.column);
      continue;
    }
    const std::vector<SqlToken> tokens = TokenizeSql(element.expression, options);
    for (size_t i = 0; i < tokens.size(); ++i) {
      const SqlToken& token = tokens[i];
      const bool call = i + 1 < tokens.size() && tokens[i + 1].text == "(";
      const Column* found = nullptr;
      if (token.kind == SqlTokenKind::kWord && !call) {
        for (const Column& column : table.columns) {
          if (absl::AsciiStrToLower(column.name) == token.text) found = &column;
          if (found != nullptr) break;
        }
      } else if (token.kind == SqlTokenKind::kQuotedIdentifier && token.text.size() >= 2) {
        std::string unquoted = token.text.substr(1, token.text.size() - 2);
        const char quote = token.text[0] == '[' ? ']' : token.text[0];
        std::string doubled(2, quote);
        for (size_t at = unquoted.find(doubled); at != std::string::npos;
             at = unquoted.find(doubled, at + 1)) {
          unquoted.erase(at, 1);
        }
        found = FindColumn(table, unquoted);
      }
      if (found != nullptr) {
        add(found->name);
        break;
      }
    }
  }
  return columns;
}

absl::Status ResolveSchema(const ErrorSink& errors, const Dialect& dialect, ParsedSchema& schema) {
  Catalog& catalog = schema.catalog;
  for (Table& table : catalog.tables) NormalizeReferredSchemas(dialect, table);
  const TableIndex tables = IndexTables(catalog);
  for (size_t i = 0; i < catalog.tables.size(); ++i) {
    RETURN_IF_ERROR(
        CheckForeignKeys(errors, dialect, catalog, tables, catalog.tables[i], schema.tables[i]));
  }
  const int max_length = dialect.capabilities().max_identifier_length;
  // Index names are unique per schema (per table in MySQL): schema -> name -> first user.
  std::map<std::string, std::map<std::string, std::string>> index_names;
  for (size_t i = 0; i < catalog.tables.size(); ++i) {
    Table& table = catalog.tables[i];
    std::vector<Named> objects = NamedObjects(table, schema.tables[i]);
    std::map<std::string, std::string> table_names;
    for (Named& object : objects) {
      RETURN_IF_ERROR(ApplyConvention(errors, catalog.naming_convention, max_length, object));
      if (object.name->empty()) continue;
      auto [previous, inserted] = table_names.emplace(*object.name, object.label);
      if (!inserted) return Duplicate(errors, object, previous->second);
      if (object.subject.kind != "ix" || dialect.capabilities().index_names_per_table) continue;
      auto [other, fresh] = index_names[table.schema].emplace(*object.name, object.label);
      if (!fresh) return Duplicate(errors, object, other->second);
    }
  }
  return absl::OkStatus();
}

}  // namespace schemadiff::yaml
