#include "introspect/yaml_column.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "introspect/yaml_constraint.h"
#include "introspect/yaml_type.h"

namespace schemadiff::yaml {
namespace {

// Splits `references: table.column` / `schema.table.column` into a foreign key.
absl::Status ReadReference(const Mapping& column, const Entry& entry, ForeignKey& fk) {
  ASSIGN_OR_RETURN(std::string text, ReadString(column, entry));
  std::vector<std::string> parts = absl::StrSplit(text, '.');
  const bool empty_part =
      std::any_of(parts.begin(), parts.end(), [](const std::string& p) { return p.empty(); });
  if ((parts.size() != 2 && parts.size() != 3) || empty_part) {
    return column.errors().At(
        entry.value_mark,
        absl::StrCat("expected TABLE.COLUMN or SCHEMA.TABLE.COLUMN for 'references' of ",
                     column.what(), ", got '", text,
                     "' (use the table's foreign_keys for names that contain dots)"));
  }
  fk.referred_columns = {parts.back()};
  fk.referred_table = parts[parts.size() - 2];
  if (parts.size() == 3) fk.referred_schema = parts[0];
  return absl::OkStatus();
}

// Reads `identity: true` or `identity: {always: ..., start: ..., increment: ...}`.
absl::StatusOr<std::optional<Identity>> ReadIdentity(const ParseContext& context,
                                                     const Mapping& column, const Entry& entry) {
  if (entry.value.IsScalar()) {
    ASSIGN_OR_RETURN(bool enabled, ReadBool(column, entry));
    return enabled ? std::optional<Identity>(Identity{}) : std::nullopt;
  }
  ASSIGN_OR_RETURN(Mapping map, Mapping::Read(context.errors, entry.value, entry.value_mark,
                                              absl::StrCat("the identity of ", column.what())));
  RETURN_IF_ERROR(map.CheckKeys({"always", "start", "increment"}));
  Identity identity;
  for (const Entry& e : map.entries()) {
    if (e.key == "always") {
      ASSIGN_OR_RETURN(identity.always, ReadBool(map, e));
    } else if (e.key == "start") {
      ASSIGN_OR_RETURN(identity.start, ReadInt(map, e));
    } else {
      ASSIGN_OR_RETURN(identity.increment, ReadInt(map, e));
    }
  }
  return std::optional<Identity>(identity);
}

// Reads `generated: {expression: ..., stored: ...}`.
absl::StatusOr<Generated> ReadGenerated(const ParseContext& context, const Mapping& column,
                                        const Entry& entry) {
  ASSIGN_OR_RETURN(Mapping map,
                   Mapping::Read(context.errors, entry.value, entry.value_mark,
                                 absl::StrCat("the generated expression of ", column.what())));
  RETURN_IF_ERROR(map.CheckKeys({"expression", "stored"}));
  Generated generated;
  const Entry* expression = map.Find("expression");
  if (expression == nullptr) {
    return context.errors.At(entry.value_mark,
                             absl::StrCat("'generated' of ", column.what(),
                                          " needs an expression (generated: {expression: "
                                          "\"price * quantity\"})"));
  }
  ASSIGN_OR_RETURN(generated.expression, ReadString(map, *expression));
  if (const Entry* stored = map.Find("stored")) {
    ASSIGN_OR_RETURN(generated.stored, ReadBool(map, *stored));
  }
  return generated;
}

// Reads the keys that only describe the column itself.
absl::Status ReadColumnAttributes(const ParseContext& context, const Mapping& map, Column& column,
                                  ColumnExtras& extras) {
  for (const Entry& e : map.entries()) {
    if (e.key == "nullable") {
      ASSIGN_OR_RETURN(column.nullable, ReadBool(map, e));
      extras.nullable_given = true;
    } else if (e.key == "server_default") {
      ASSIGN_OR_RETURN(std::string sql, ReadString(map, e));
      column.server_default = context.dialect.ParseDefault(sql, column.type);
    } else if (e.key == "default") {
      ASSIGN_OR_RETURN(column.server_default, ParseYamlDefault(map, e));
    } else if (e.key == "autoincrement") {
      ASSIGN_OR_RETURN(column.autoincrement, ReadBool(map, e));
    } else if (e.key == "identity") {
      ASSIGN_OR_RETURN(column.identity, ReadIdentity(context, map, e));
    } else if (e.key == "generated") {
      ASSIGN_OR_RETURN(column.generated, ReadGenerated(context, map, e));
    } else if (e.key == "comment") {
      ASSIGN_OR_RETURN(column.comment, ReadString(map, e));
    } else if (e.key == "collation") {
      ASSIGN_OR_RETURN(column.collation, ReadString(map, e));
    } else if (e.key == "charset") {
      ASSIGN_OR_RETURN(column.charset, ReadString(map, e));
    } else if (e.key == "server_onupdate") {
      ASSIGN_OR_RETURN(column.on_update, ReadString(map, e));
    } else if (e.key == "renamed_from") {
      ASSIGN_OR_RETURN(column.renamed_from, ReadStringList(map, e, /*allow_single=*/true));
    }
  }
  return absl::OkStatus();
}

// Reads primary_key / unique / index / references and the foreign key actions.
absl::Status ReadColumnShorthands(const Mapping& map, const Column& column, ColumnExtras& extras) {
  const Entry* references = map.Find("references");
  for (const Entry& e : map.entries()) {
    if (e.key == "primary_key") {
      ASSIGN_OR_RETURN(extras.primary_key, ReadBool(map, e));
      extras.primary_key_mark = e.key_mark;
    } else if (e.key == "unique" || e.key == "index") {
      ASSIGN_OR_RETURN(bool enabled, ReadBool(map, e));
      if (!enabled) continue;
      ConstraintSource& source = e.key == "unique" ? extras.unique_source : extras.index_source;
      source.mark = e.key_mark;
      if (e.key == "unique") {
        extras.unique = UniqueConstraint{};
        extras.unique->columns = {column.name};
      } else {
        IndexElement element;
        element.column = column.name;
        extras.index = Index{};
        extras.index->elements = {std::move(element)};
      }
    } else if (e.key == "on_delete" || e.key == "on_update") {
      if (references == nullptr) {
        return map.errors().At(e.key_mark, absl::StrCat("'", Absl(e.key), "' of ", map.what(),
                                                        " needs 'references' (the foreign key "
                                                        "it applies to)"));
      }
    }
  }
  // SQLAlchemy: Column(index=True, unique=True) is one unique index, no unique constraint.
  if (extras.index && extras.unique) {
    extras.index->unique = true;
    extras.unique.reset();
  }
  if (references == nullptr) return absl::OkStatus();
  ForeignKey fk;
  fk.columns = {column.name};
  RETURN_IF_ERROR(ReadReference(map, *references, fk));
  for (const char* action : {"on_delete", "on_update"}) {
    if (const Entry* e = map.Find(action)) {
      ASSIGN_OR_RETURN(std::string value, ReadForeignKeyAction(map, *e));
      (std::string_view(action) == "on_delete" ? fk.on_delete : fk.on_update) = value;
    }
  }
  extras.foreign_key_source.mark = references->key_mark;
  extras.foreign_key_source.referred_table = references->value_mark;
  extras.foreign_key_source.referred_columns = {references->value_mark};
  extras.foreign_key = std::move(fk);
  return absl::OkStatus();
}

// In a flow mapping `{type: numeric(12,2)}` the comma ends the type: YAML reads a type
// "numeric(12" and a key "2)". Reports that mistake with the quoted spelling to use.
absl::Status CheckTypeCutAtComma(const Mapping& map) {
  const std::vector<Entry>& entries = map.entries();
  for (size_t i = 0; i + 1 < entries.size(); ++i) {
    const Entry& type = entries[i];
    if (type.key != "type" || !type.value.IsScalar() || type.value.IsQuoted()) continue;
    const std::string& text = type.value.Scalar();
    if (std::count(text.begin(), text.end(), '(') <= std::count(text.begin(), text.end(), ')')) {
      continue;
    }
    const std::string whole = absl::StrCat(text, ",", Absl(entries[i + 1].key));
    return map.errors().At(type.value_mark,
                           absl::StrCat("the type of ", map.what(), " is cut at a comma ('", text,
                                        "'): inside { } quote it, type: \"", whole, "\""));
  }
  return absl::OkStatus();
}

}  // namespace

std::string CatalogSchema(const Dialect& dialect, const std::string& schema) {
  return schema == dialect.DefaultSchemaName() ? std::string() : schema;
}

const std::vector<std::string>& ColumnKeys() {
  static const std::vector<std::string> kKeys = {
      "type",        "native_type",   "nullable",        "default",     "server_default",
      "primary_key", "autoincrement", "identity",        "generated",   "unique",
      "index",       "references",    "on_delete",       "on_update",   "comment",
      "collation",   "charset",       "server_onupdate", "renamed_from"};
  return kKeys;
}

absl::StatusOr<Column> ParseColumn(const ParseContext& context, const Entry& entry,
                                   const Table& table, ColumnExtras& extras) {
  Column column;
  column.name = entry.key;
  ASSIGN_OR_RETURN(
      Mapping map,
      Mapping::Read(
          context.errors, entry.value, entry.value_mark,
          absl::StrCat("column '",
                       QualifiedName(QualifiedName(table.schema, table.name), column.name), "'")));
  RETURN_IF_ERROR(CheckTypeCutAtComma(map));
  RETURN_IF_ERROR(map.CheckKeys(ColumnKeys()));
  const Entry* type = map.Find("type");
  const Entry* native = map.Find("native_type");
  if (type != nullptr && native != nullptr) {
    return context.errors.At(native->key_mark,
                             absl::StrCat(map.what(), " has both type and native_type; keep one"));
  }
  std::optional<DataType> serial;
  if (type != nullptr && type->value.IsScalar()) serial = SerialType(type->value.Scalar());
  if (native != nullptr) {
    ASSIGN_OR_RETURN(std::string spelling, ReadString(map, *native));
    absl::StatusOr<DataType> parsed = context.dialect.ParseType(spelling, /*allow_verbatim=*/true);
    if (!parsed.ok()) return context.errors.At(native->value_mark, Std(parsed.status().message()));
    column.type = *std::move(parsed);
  } else if (serial) {
    column.type = *std::move(serial);
    column.autoincrement = true;  // `autoincrement: false` written as well still wins
  } else if (type != nullptr) {
    ASSIGN_OR_RETURN(column.type, ParseYamlType(map, *type, table, context.enums, context.dialect));
  } else {
    return context.errors.At(entry.key_mark,
                             absl::StrCat(map.what(), " has no type (e.g. type: bigint)"));
  }
  if (map.Find("default") != nullptr && map.Find("server_default") != nullptr) {
    return context.errors.At(
        map.Find("server_default")->key_mark,
        absl::StrCat(map.what(), " has both default and server_default; keep one"));
  }
  RETURN_IF_ERROR(ReadColumnAttributes(context, map, column, extras));
  RETURN_IF_ERROR(ReadColumnShorthands(map, column, extras));
  return column;
}

}  // namespace schemadiff::yaml
