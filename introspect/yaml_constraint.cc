#include "introspect/yaml_constraint.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace schemadiff::yaml {
namespace {

// The names of a table's columns, for "did you mean".
std::vector<std::string> ColumnNames(const Table& table) {
  std::vector<std::string> names;
  for (const Column& column : table.columns) names.push_back(column.name);
  return names;
}

// An error unless `name` is a column of `table`.
absl::Status CheckColumn(const Mapping& map, const Mark& mark, const std::string& name,
                         const Table& table) {
  if (FindColumn(table, name) != nullptr) return absl::OkStatus();
  return map.errors().At(mark, absl::StrCat(map.what(), " refers to missing column '", name, "'",
                                            DidYouMean(name, ColumnNames(table))));
}

// Reads a non-empty list of distinct column names of `table`.
absl::StatusOr<std::vector<std::string>> ReadColumnList(const Mapping& map, const Entry& entry,
                                                        const Table& table) {
  std::vector<Mark> marks;
  ASSIGN_OR_RETURN(std::vector<std::string> names,
                   ReadStringList(map, entry, /*allow_single=*/false, &marks));
  if (names.empty()) {
    return map.errors().At(entry.value_mark,
                           absl::StrCat(map.what(), " needs at least one column"));
  }
  for (size_t i = 0; i < names.size(); ++i) {
    RETURN_IF_ERROR(CheckColumn(map, marks[i], names[i], table));
    if (std::find(names.begin(), names.begin() + i, names[i]) != names.begin() + i) {
      return map.errors().At(marks[i],
                             absl::StrCat("column '", names[i], "' appears twice in ", map.what()));
    }
  }
  return names;
}

// The entry for a required key, or an error at the item naming it.
absl::StatusOr<const Entry*> Require(const Mapping& map, std::string_view key,
                                     std::string_view example) {
  if (const Entry* entry = map.Find(key)) return entry;
  return map.errors().At(map.mark(), absl::StrCat(map.what(), " needs '", Absl(key), "' (e.g. ",
                                                  Absl(key), ": ", Absl(example), ")"));
}

// Reads `name:` or `conv_name:` into `name`, `origin` and `source`.
absl::Status ReadName(const Mapping& map, std::string& name, NameOrigin& origin,
                      ConstraintSource& source) {
  const Entry* plain = map.Find("name");
  const Entry* conv = map.Find("conv_name");
  if (plain != nullptr && conv != nullptr) {
    return map.errors().At(conv->key_mark,
                           absl::StrCat(map.what(), " has both name and conv_name; keep one"));
  }
  const Entry* given = plain != nullptr ? plain : conv;
  if (given == nullptr) return absl::OkStatus();
  ASSIGN_OR_RETURN(name, ReadString(map, *given));
  if (name.empty()) {
    return map.errors().At(given->value_mark,
                           absl::StrCat("empty '", Absl(given->key), "' in ", map.what(),
                                        " (leave the key out to use the naming convention)"));
  }
  source.name_mode = plain != nullptr ? NameMode::kName : NameMode::kConvName;
  origin = plain != nullptr ? NameOrigin::kExplicit : NameOrigin::kConvention;
  return absl::OkStatus();
}

// Reads `deferrable:` and `initially:`; INITIALLY DEFERRED implies DEFERRABLE.
absl::Status ReadDeferral(const Mapping& map, bool& deferrable, bool& initially_deferred) {
  const Entry* deferrable_entry = map.Find("deferrable");
  if (deferrable_entry != nullptr) {
    ASSIGN_OR_RETURN(deferrable, ReadBool(map, *deferrable_entry));
  }
  if (const Entry* initially = map.Find("initially")) {
    absl::StatusOr<std::string> when = ReadChoice(map, *initially, {"deferred", "immediate"});
    if (!when.ok()) return when.status();
    initially_deferred = *when == "deferred";
    if (initially_deferred && deferrable_entry != nullptr && !deferrable) {
      return map.errors().At(initially->key_mark,
                             absl::StrCat(map.what(), " is initially deferred but not deferrable"));
    }
    if (initially_deferred) deferrable = true;
  }
  return absl::OkStatus();
}

// Reads one key of an index: a column name or {column | expression, order, nulls, ...}.
absl::StatusOr<IndexElement> ReadIndexElement(const Mapping& index, const Item& item,
                                              const Table& table) {
  IndexElement element;
  if (item.node.IsScalar()) {
    element.column = item.node.Scalar();
    RETURN_IF_ERROR(CheckColumn(index, item.mark, element.column, table));
    return element;
  }
  ASSIGN_OR_RETURN(Mapping map, Mapping::Read(index.errors(), item.node, item.mark,
                                              absl::StrCat("a key of ", index.what())));
  RETURN_IF_ERROR(
      map.CheckKeys({"column", "expression", "order", "nulls", "opclass", "collation", "length"}));
  const Entry* column = map.Find("column");
  const Entry* expression = map.Find("expression");
  if ((column == nullptr) == (expression == nullptr)) {
    return index.errors().At(item.mark, absl::StrCat("each key of ", index.what(),
                                                     " needs exactly one of 'column' or "
                                                     "'expression'"));
  }
  if (column != nullptr) {
    ASSIGN_OR_RETURN(element.column, ReadString(map, *column));
    RETURN_IF_ERROR(CheckColumn(index, column->value_mark, element.column, table));
  } else {
    ASSIGN_OR_RETURN(element.expression, ReadString(map, *expression));
  }
  for (const Entry& e : map.entries()) {
    if (e.key == "order") {
      absl::StatusOr<std::string> order = ReadChoice(map, e, {"asc", "desc"});
      if (!order.ok()) return order.status();
      element.descending = *order == "desc";
    } else if (e.key == "nulls") {
      ASSIGN_OR_RETURN(element.nulls, ReadChoice(map, e, {"first", "last"}));
    } else if (e.key == "opclass") {
      ASSIGN_OR_RETURN(element.opclass, ReadString(map, e));
    } else if (e.key == "collation") {
      ASSIGN_OR_RETURN(element.collation, ReadString(map, e));
    } else if (e.key == "length") {
      ASSIGN_OR_RETURN(long long length, ReadInt(map, e));
      if (length < 1 || length > 65535) {
        return map.errors().At(e.value_mark, absl::StrCat("expected a prefix length from 1 to "
                                                          "65535 for 'length' of ",
                                                          map.what(), ", got ", length));
      }
      element.prefix_length = static_cast<int>(length);
    }
  }
  return element;
}

// Reads an item of a table-level list as a mapping with `keys`.
absl::StatusOr<Mapping> ReadItem(const ErrorSink& errors, const Item& item, std::string what,
                                 const std::vector<std::string>& keys) {
  ASSIGN_OR_RETURN(Mapping map, Mapping::Read(errors, item.node, item.mark, std::move(what)));
  RETURN_IF_ERROR(map.CheckKeys(keys));
  return map;
}

}  // namespace

std::string TableLabel(const Table& table) {
  return absl::StrCat("table '", QualifiedName(table.schema, table.name), "'");
}

absl::StatusOr<std::string> ReadForeignKeyAction(const Mapping& map, const Entry& entry) {
  ASSIGN_OR_RETURN(
      std::string action,
      ReadChoice(map, entry, {"cascade", "set null", "set default", "restrict", "no action"}));
  return action == "no action" ? std::string() : absl::AsciiStrToUpper(action);
}

absl::Status ParsePrimaryKey(const Mapping& table_map, const Entry& entry, Table& table,
                             TableSource& source) {
  PrimaryKey pk;
  source.primary_key.mark = entry.key_mark;
  if (entry.value.IsSequence()) {
    ASSIGN_OR_RETURN(Mapping map,
                     Mapping::Read(table_map.errors(), Node(), entry.value_mark,
                                   absl::StrCat("the primary key of ", TableLabel(table))));
    ASSIGN_OR_RETURN(pk.columns, ReadColumnList(map, entry, table));
  } else {
    ASSIGN_OR_RETURN(Mapping map, ReadItem(table_map.errors(), Item{entry.value, entry.value_mark},
                                           absl::StrCat("the primary key of ", TableLabel(table)),
                                           {"columns", "name", "conv_name"}));
    ASSIGN_OR_RETURN(const Entry* columns, Require(map, "columns", "[id]"));
    ASSIGN_OR_RETURN(pk.columns, ReadColumnList(map, *columns, table));
    RETURN_IF_ERROR(ReadName(map, pk.name, pk.name_origin, source.primary_key));
  }
  table.primary_key = std::move(pk);
  return absl::OkStatus();
}

absl::Status ParseUnique(const ErrorSink& errors, const Item& item, std::string what, Table& table,
                         TableSource& source) {
  ASSIGN_OR_RETURN(Mapping map, ReadItem(errors, item, std::move(what),
                                         {"columns", "name", "conv_name", "nulls_not_distinct",
                                          "deferrable", "initially"}));
  UniqueConstraint unique;
  ConstraintSource located;
  located.mark = item.mark;
  ASSIGN_OR_RETURN(const Entry* columns, Require(map, "columns", "[tenant_id, email]"));
  ASSIGN_OR_RETURN(unique.columns, ReadColumnList(map, *columns, table));
  RETURN_IF_ERROR(ReadName(map, unique.name, unique.name_origin, located));
  if (const Entry* e = map.Find("nulls_not_distinct")) {
    ASSIGN_OR_RETURN(unique.nulls_not_distinct, ReadBool(map, *e));
  }
  RETURN_IF_ERROR(ReadDeferral(map, unique.deferrable, unique.initially_deferred));
  table.uniques.push_back(std::move(unique));
  source.uniques.push_back(std::move(located));
  return absl::OkStatus();
}

absl::Status ParseIndex(const ErrorSink& errors, const Item& item, std::string what, Table& table,
                        TableSource& source) {
  ASSIGN_OR_RETURN(Mapping map, ReadItem(errors, item, std::move(what),
                                         {"columns", "name", "conv_name", "unique", "where",
                                          "method", "include", "nulls_not_distinct"}));
  Index index;
  ConstraintSource located;
  located.mark = item.mark;
  ASSIGN_OR_RETURN(const Entry* columns,
                   Require(map, "columns", "[email] or [{expression: \"lower(email)\"}]"));
  ASSIGN_OR_RETURN(std::vector<Item> keys, ReadSequence(map, *columns));
  if (keys.empty()) {
    return errors.At(columns->value_mark, absl::StrCat(map.what(), " needs at least one column"));
  }
  for (const Item& key : keys) {
    ASSIGN_OR_RETURN(IndexElement element, ReadIndexElement(map, key, table));
    index.elements.push_back(std::move(element));
  }
  RETURN_IF_ERROR(ReadName(map, index.name, index.name_origin, located));
  for (const Entry& e : map.entries()) {
    if (e.key == "unique") {
      ASSIGN_OR_RETURN(index.unique, ReadBool(map, e));
    } else if (e.key == "where") {
      ASSIGN_OR_RETURN(index.where, ReadString(map, e));
    } else if (e.key == "method") {
      ASSIGN_OR_RETURN(std::string method, ReadString(map, e));
      index.method = absl::AsciiStrToLower(method);
    } else if (e.key == "include") {
      ASSIGN_OR_RETURN(index.include, ReadColumnList(map, e, table));
    } else if (e.key == "nulls_not_distinct") {
      ASSIGN_OR_RETURN(index.nulls_not_distinct, ReadBool(map, e));
    }
  }
  table.indexes.push_back(std::move(index));
  source.indexes.push_back(std::move(located));
  return absl::OkStatus();
}

absl::Status ParseForeignKey(const ErrorSink& errors, const Item& item, std::string what,
                             Table& table, TableSource& source) {
  ASSIGN_OR_RETURN(Mapping map,
                   ReadItem(errors, item, std::move(what),
                            {"columns", "references", "name", "conv_name", "on_delete", "on_update",
                             "match", "deferrable", "initially", "not_valid"}));
  ForeignKey fk;
  ConstraintSource located;
  located.mark = item.mark;
  ASSIGN_OR_RETURN(const Entry* columns, Require(map, "columns", "[customer_id]"));
  ASSIGN_OR_RETURN(fk.columns, ReadColumnList(map, *columns, table));
  ASSIGN_OR_RETURN(const Entry* references,
                   Require(map, "references", "{table: customers, columns: [id]}"));
  ASSIGN_OR_RETURN(Mapping target, ReadItem(errors, Item{references->value, references->value_mark},
                                            absl::StrCat("the references of ", map.what()),
                                            {"table", "columns", "schema"}));
  ASSIGN_OR_RETURN(const Entry* referred_table, Require(target, "table", "customers"));
  ASSIGN_OR_RETURN(fk.referred_table, ReadString(target, *referred_table));
  located.referred_table = referred_table->value_mark;
  ASSIGN_OR_RETURN(const Entry* referred_columns, Require(target, "columns", "[id]"));
  ASSIGN_OR_RETURN(fk.referred_columns,
                   ReadStringList(target, *referred_columns, false, &located.referred_columns));
  if (fk.referred_columns.size() != fk.columns.size()) {
    return errors.At(referred_columns->value_mark,
                     absl::StrCat(map.what(), " has ", fk.columns.size(),
                                  " column(s) but references ", fk.referred_columns.size()));
  }
  if (const Entry* schema = target.Find("schema")) {
    ASSIGN_OR_RETURN(fk.referred_schema, ReadString(target, *schema));
  }
  RETURN_IF_ERROR(ReadName(map, fk.name, fk.name_origin, located));
  for (const Entry& e : map.entries()) {
    if (e.key == "on_delete") {
      ASSIGN_OR_RETURN(fk.on_delete, ReadForeignKeyAction(map, e));
    } else if (e.key == "on_update") {
      ASSIGN_OR_RETURN(fk.on_update, ReadForeignKeyAction(map, e));
    } else if (e.key == "match") {
      ASSIGN_OR_RETURN(std::string match, ReadChoice(map, e, {"simple", "full", "partial"}));
      fk.match = match == "simple" ? "" : absl::AsciiStrToUpper(match);
    } else if (e.key == "not_valid") {
      ASSIGN_OR_RETURN(fk.not_valid, ReadBool(map, e));
    }
  }
  RETURN_IF_ERROR(ReadDeferral(map, fk.deferrable, fk.initially_deferred));
  table.foreign_keys.push_back(std::move(fk));
  source.foreign_keys.push_back(std::move(located));
  return absl::OkStatus();
}

absl::Status ParseCheck(const ErrorSink& errors, const Item& item, std::string what, Table& table,
                        TableSource& source) {
  ASSIGN_OR_RETURN(Mapping map, ReadItem(errors, item, std::move(what),
                                         {"expression", "name", "conv_name", "not_valid"}));
  CheckConstraint check;
  ConstraintSource located;
  located.mark = item.mark;
  ASSIGN_OR_RETURN(const Entry* expression, Require(map, "expression", "\"amount >= 0\""));
  ASSIGN_OR_RETURN(check.expression, ReadString(map, *expression));
  RETURN_IF_ERROR(ReadName(map, check.name, check.name_origin, located));
  if (const Entry* e = map.Find("not_valid")) {
    ASSIGN_OR_RETURN(check.not_valid, ReadBool(map, *e));
  }
  table.checks.push_back(std::move(check));
  source.checks.push_back(std::move(located));
  return absl::OkStatus();
}

}  // namespace schemadiff::yaml
