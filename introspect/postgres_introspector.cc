// Reads pg_catalog with a fixed set of bulk queries (introspect/postgres_queries.h) inside one
// read-only, repeatable-read transaction with a statement timeout. Server-side text (defaults,
// CHECK bodies, index expressions and predicates, generated expressions) is read with
// search_path = public, so objects of `public` come back unqualified, like the catalog model's
// default schema; NormalizeCatalog then canonicalizes it with the PostgreSQL dialect. libpqxx
// exceptions are caught in IntrospectPostgres and nowhere else.
#include "introspect/postgres_introspector.h"

#include <malloc.h>

#include <algorithm>
#include <map>
#include <pqxx/pqxx>
#include <unordered_map>
#include <utility>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "catalog/dialect_postgres.h"
#include "catalog/normalize.h"
#include "catalog/postgres_lexer.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "introspect/postgres_connection.h"
#include "introspect/postgres_queries.h"

namespace schemadiff {
namespace {

// The catalog model's name for a schema: the default schema (public) is "".
std::string ModelSchema(const std::string& nspname) {
  return nspname == PostgresDialect().DefaultSchemaName() ? "" : nspname;
}

// A text[] literal for a query parameter.
std::string ArrayLiteral(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  for (const std::string& item : items) {
    std::string q = "\"";
    for (char c : item) {
      if (c == '"' || c == '\\') q.push_back('\\');
      q.push_back(c);
    }
    quoted.push_back(q + "\"");
  }
  return absl::StrCat("{", absl::StrJoin(quoted, ","), "}");
}

std::string Text(const pqxx::field& f) { return f.is_null() ? std::string() : f.c_str(); }
bool Bool(const pqxx::field& f) { return !f.is_null() && f.c_str()[0] == 't'; }
long long Int(const pqxx::field& f) {
  long long value = 0;
  if (!f.is_null() && !absl::SimpleAtoi(f.c_str(), &value)) value = 0;
  return value;
}

// The elements of a text[] field (NULL elements as "").
std::vector<std::string> TextArray(const pqxx::field& f) {
  std::vector<std::string> out;
  if (f.is_null()) return out;
  pqxx::array_parser parser = f.as_array();
  for (;;) {
    auto [juncture, value] = parser.get_next();
    if (juncture == pqxx::array_parser::done) break;
    if (juncture == pqxx::array_parser::string_value) out.push_back(std::move(value));
    if (juncture == pqxx::array_parser::null_value) out.emplace_back();
  }
  return out;
}

// The integers of an int2vector / oidvector ("1 2") or an array ("{1,2}") in text form.
std::vector<long long> IntList(const std::string& text) {
  std::vector<long long> out;
  for (absl::string_view part : absl::StrSplit(text, absl::ByAnyChar(" ,{}"), absl::SkipEmpty())) {
    long long value = 0;
    if (absl::SimpleAtoi(part, &value)) out.push_back(value);
  }
  return out;
}

// oid -> name, for the small lookup queries.
using NameByOid = std::unordered_map<long long, std::string>;

NameByOid ReadNames(pqxx::transaction_base& txn, const char* query) {
  NameByOid names;
  for (const pqxx::row& r : txn.exec(query)) names[Int(r[0])] = Text(r[1]);
  return names;
}

// The sequence behind a serial or identity column.
struct OwnedSequence {
  std::string deptype;  // "a" serial, "i" identity
  std::string name;     // regclass text
  long long start = 1;
  long long increment = 1;
};
using SequenceMap = std::map<std::pair<long long, long long>, OwnedSequence>;

// A table being read: its place in the catalog, and its column names and collations by
// attnum.
struct TableSlot {
  size_t index = 0;
  std::vector<std::string> attnames;     // attnum -> name ("" for gaps)
  std::vector<long long> attcollations;  // attnum -> collation oid
};

// Column `attnum` of `names`, or "" when there is none.
std::string AttName(const std::vector<std::string>& names, long long attnum) {
  return attnum > 0 && static_cast<size_t>(attnum) < names.size() ? names[attnum] : "";
}

std::vector<std::string> AttNames(const std::vector<std::string>& names,
                                  const std::vector<long long>& attnums) {
  std::vector<std::string> out;
  for (long long attnum : attnums) out.push_back(AttName(names, attnum));
  return out;
}

// The name a column of a table in `table_schema` uses for enum type nspname.typname.
std::string EnumName(const std::string& typname, const std::string& nspname,
                     const std::string& table_schema) {
  const std::string schema = ModelSchema(nspname);
  return schema.empty() || schema == table_schema ? typname : absl::StrCat(nspname, ".", typname);
}

DataType ColumnType(const pqxx::row& r, const std::string& table_schema) {
  if (Text(r[10]) == "e") {
    DataType type = MakeType(TypeKind::kEnum);
    type.enum_name = EnumName(Text(r[11]), Text(r[12]), table_schema);
    return type;
  }
  if (Text(r[13]) == "e") {
    DataType element = MakeType(TypeKind::kEnum);
    element.enum_name = EnumName(Text(r[14]), Text(r[15]), table_schema);
    DataType type = MakeType(TypeKind::kArray);
    type.element.push_back(std::move(element));
    type.array_dimensions = 1;
    return type;
  }
  const std::string spelling = Text(r[3]);
  absl::StatusOr<DataType> type = PostgresDialect().ParseType(spelling, /*allow_verbatim=*/true);
  return type.ok() ? *type : MakeVerbatim(spelling);
}

// Fills identity/generated/default/autoincrement of `column` from its catalog row and the
// sequence it owns, if any.
void ReadColumnDefault(const pqxx::row& r, const OwnedSequence* sequence, Column& column) {
  const std::string identity = Text(r[6]);
  const std::string generated = Text(r[7]);
  const std::string expression = Text(r[5]);
  if (generated == "s") {
    column.generated = Generated{expression, /*stored=*/true};
    return;
  }
  if (identity == "a" || identity == "d") {
    Identity id;
    id.always = identity == "a";
    const long long increment = sequence != nullptr ? sequence->increment : 1;
    const long long start = sequence != nullptr ? sequence->start : 1;
    if (increment != 1) id.increment = increment;
    if (start != (increment > 0 ? 1 : -1)) id.start = start;
    column.identity = id;
    return;
  }
  if (r[5].is_null()) return;
  if (sequence != nullptr && sequence->deptype == "a" &&
      expression == absl::StrCat("nextval(", QuotePostgresString(sequence->name), "::regclass)")) {
    column.autoincrement = true;
    return;
  }
  DefaultExpr value = PostgresDialect().ParseDefault(expression, column.type);
  if (value.kind != DefaultKind::kNull) column.server_default = std::move(value);
}

std::string FkAction(const std::string& code) {
  if (code == "r") return "RESTRICT";
  if (code == "c") return "CASCADE";
  if (code == "n") return "SET NULL";
  if (code == "d") return "SET DEFAULT";
  return "";
}

// Reads everything; libpqxx exceptions propagate to IntrospectPostgres.
absl::StatusOr<Catalog> ReadCatalog(pqxx::transaction_base& txn,
                                    const std::vector<std::string>& schemas) {
  txn.exec("SET LOCAL statement_timeout = '120s'");
  txn.exec("SET LOCAL search_path = public");
  const std::string schema_list = ArrayLiteral(schemas);

  Catalog catalog;
  catalog.dialect = "postgresql";
  for (const pqxx::row& r : txn.exec_params(pg_queries::kEnums, schema_list)) {
    const std::string schema = ModelSchema(Text(r[0]));
    const std::string name = Text(r[1]);
    if (catalog.enums.empty() || catalog.enums.back().schema != schema ||
        catalog.enums.back().name != name) {
      catalog.enums.push_back(Enum{schema, name, {}, {}});
    }
    catalog.enums.back().values.push_back(Text(r[2]));
  }

  std::unordered_map<long long, TableSlot> tables;
  const pqxx::result table_rows = txn.exec_params(pg_queries::kTables, schema_list);
  catalog.tables.reserve(table_rows.size());
  for (const pqxx::row& r : table_rows) {
    Table table;
    table.schema = ModelSchema(Text(r[1]));
    table.name = Text(r[2]);
    if (!r[3].is_null()) table.comment = Text(r[3]);
    tables[Int(r[0])].index = catalog.tables.size();
    catalog.tables.push_back(std::move(table));
  }

  SequenceMap sequences;
  for (const pqxx::row& r : txn.exec_params(pg_queries::kSequences, schema_list)) {
    OwnedSequence& seq = sequences[{Int(r[0]), Int(r[1])}];
    if (seq.deptype == "i") continue;  // an identity wins over a leftover serial sequence
    seq = OwnedSequence{Text(r[2]), Text(r[3]), Int(r[4]), Int(r[5])};
  }

  {
    const pqxx::result rows = txn.exec_params(pg_queries::kColumns, schema_list);
    // Exact capacities: a catalog of 10,000 tables should not carry a third of spare columns.
    std::unordered_map<long long, size_t> counts;
    for (const pqxx::row& r : rows) ++counts[Int(r[0])];
    for (const auto& [oid, count] : counts) {
      auto it = tables.find(oid);
      if (it != tables.end()) catalog.tables[it->second.index].columns.reserve(count);
    }
    for (const pqxx::row& r : rows) {
      auto it = tables.find(Int(r[0]));
      if (it == tables.end()) continue;
      TableSlot& slot = it->second;
      Table& table = catalog.tables[slot.index];
      const long long attnum = Int(r[1]);
      if (slot.attnames.size() <= static_cast<size_t>(attnum)) {
        slot.attnames.resize(attnum + 1);
        slot.attcollations.resize(attnum + 1);
      }
      slot.attnames[attnum] = Text(r[2]);
      slot.attcollations[attnum] = Int(r[16]);
      Column column;
      column.name = Text(r[2]);
      column.type = ColumnType(r, table.schema);
      column.nullable = !Bool(r[4]);
      if (!r[8].is_null()) column.comment = Text(r[8]);
      column.collation = Text(r[9]);
      auto seq = sequences.find({Int(r[0]), attnum});
      ReadColumnDefault(r, seq == sequences.end() ? nullptr : &seq->second, column);
      table.columns.push_back(std::move(column));
    }
  }

  {
    const pqxx::result rows = txn.exec_params(pg_queries::kConstraints, schema_list);
    // Column names of referenced tables outside the schemas read.
    std::unordered_map<long long, std::vector<std::string>> outside;
    std::vector<std::string> missing;
    for (const pqxx::row& r : rows) {
      const long long referred = Int(r[4]);
      if (Text(r[2]) == "f" && tables.count(referred) == 0 && outside.count(referred) == 0) {
        outside[referred];
        missing.push_back(Text(r[4]));
      }
    }
    if (!missing.empty()) {
      for (const pqxx::row& r : txn.exec_params(pg_queries::kColumnNames, ArrayLiteral(missing))) {
        std::vector<std::string>& names = outside[Int(r[0])];
        const long long attnum = Int(r[1]);
        if (names.size() <= static_cast<size_t>(attnum)) names.resize(attnum + 1);
        names[attnum] = Text(r[2]);
      }
    }
    for (const pqxx::row& r : rows) {
      auto it = tables.find(Int(r[0]));
      if (it == tables.end()) continue;
      Table& table = catalog.tables[it->second.index];
      const std::string kind = Text(r[2]);
      const std::string name = Text(r[1]);
      const std::vector<std::string> columns = AttNames(it->second.attnames, IntList(Text(r[3])));
      if (kind == "p") {
        table.primary_key = PrimaryKey{name, NameOrigin::kExplicit, columns};
      } else if (kind == "u") {
        UniqueConstraint uq;
        uq.name = name;
        uq.columns = columns;
        uq.nulls_not_distinct = Bool(r[15]);
        uq.deferrable = Bool(r[11]);
        uq.initially_deferred = Bool(r[12]);
        table.uniques.push_back(std::move(uq));
      } else if (kind == "f") {
        const long long referred = Int(r[4]);
        auto target = tables.find(referred);
        const std::vector<std::string>& referred_names =
            target != tables.end() ? target->second.attnames : outside[referred];
        ForeignKey fk;
        fk.name = name;
        fk.columns = columns;
        const std::string referred_nsp = Text(r[6]);
        fk.referred_schema = ModelSchema(referred_nsp) == table.schema ? "" : referred_nsp;
        fk.referred_table = Text(r[7]);
        fk.referred_columns = AttNames(referred_names, IntList(Text(r[5])));
        fk.on_update = FkAction(Text(r[8]));
        fk.on_delete = FkAction(Text(r[9]));
        const std::string match = Text(r[10]);
        fk.match = match == "f" ? "FULL" : match == "p" ? "PARTIAL" : "";
        fk.deferrable = Bool(r[11]);
        fk.initially_deferred = Bool(r[12]);
        fk.not_valid = !Bool(r[13]);
        table.foreign_keys.push_back(std::move(fk));
      } else {
        table.checks.push_back(CheckConstraint{name, NameOrigin::kExplicit, Text(r[14]),
                                               /*not_valid=*/!Bool(r[13])});
      }
    }
  }

  const NameByOid opclasses = ReadNames(txn, pg_queries::kOperatorClasses);
  const NameByOid collations = ReadNames(txn, pg_queries::kCollations);
  for (const pqxx::row& r : txn.exec_params(pg_queries::kIndexes, schema_list)) {
    auto it = tables.find(Int(r[0]));
    if (it == tables.end()) continue;
    const TableSlot& slot = it->second;
    Table& table = catalog.tables[slot.index];
    Index index;
    index.name = Text(r[1]);
    index.unique = Bool(r[2]);
    index.nulls_not_distinct = Bool(r[3]);
    index.method = Text(r[4]) == "btree" ? "" : Text(r[4]);
    index.where = Text(r[8]);
    const size_t key_count = static_cast<size_t>(Int(r[5]));
    const std::vector<long long> keys = IntList(Text(r[6]));
    const std::vector<long long> options = IntList(Text(r[7]));
    const std::vector<std::string> definitions = TextArray(r[9]);
    const std::vector<long long> classes = IntList(Text(r[10]));
    const std::vector<long long> key_collations = IntList(Text(r[11]));
    index.elements.reserve(std::min(key_count, keys.size()));
    for (size_t k = 0; k < keys.size(); ++k) {
      if (k >= key_count) {
        index.include.push_back(AttName(slot.attnames, keys[k]));
        continue;
      }
      IndexElement element;
      if (keys[k] == 0) {
        element.expression = k < definitions.size() ? definitions[k] : "";
      } else {
        element.column = AttName(slot.attnames, keys[k]);
        const long long collation = k < key_collations.size() ? key_collations[k] : 0;
        const long long column_collation = static_cast<size_t>(keys[k]) < slot.attcollations.size()
                                               ? slot.attcollations[keys[k]]
                                               : 0;
        if (collation != 0 && collation != column_collation) {
          auto found = collations.find(collation);
          if (found != collations.end()) element.collation = found->second;
        }
      }
      const long long option = k < options.size() ? options[k] : 0;
      element.descending = (option & 1) != 0;
      const bool nulls_first = (option & 2) != 0;
      if (element.descending && !nulls_first) element.nulls = "last";
      if (!element.descending && nulls_first) element.nulls = "first";
      if (k < classes.size()) {
        auto found = opclasses.find(classes[k]);
        if (found != opclasses.end()) element.opclass = found->second;
      }
      index.elements.push_back(std::move(element));
    }
    table.indexes.push_back(std::move(index));
  }

  RETURN_IF_ERROR(NormalizeCatalog(PostgresDialect(), &catalog));
  return catalog;
}

}  // namespace

absl::StatusOr<Catalog> IntrospectPostgres(const DatabaseUrl& url,
                                           const std::vector<std::string>& schemas) {
  const std::vector<std::string> wanted =
      schemas.empty() ? std::vector<std::string>{std::string(PostgresDialect().DefaultSchemaName())}
                      : schemas;
  const std::string where = DescribePostgresUrl(url);
  try {
    absl::StatusOr<Catalog> catalog;
    {
      pqxx::connection connection(PostgresConnInfo(url));
      pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> txn(connection);
      catalog = ReadCatalog(txn, wanted);
      if (!catalog.ok()) {
        return absl::Status(catalog.status().code(),
                            absl::StrCat(where, ": ", catalog.status().message()));
      }
      txn.commit();
    }
    // Hand the memory of the query results back: another catalog is usually read next.
    malloc_trim(0);
    return catalog;
  } catch (const pqxx::broken_connection& e) {
    return absl::UnavailableError(
        absl::StrCat("cannot connect to ", where, ": ", OneLine(e.what())));
  } catch (const pqxx::sql_error& e) {
    return absl::InternalError(
        absl::StrCat("reading the catalog of ", where, " failed: ", OneLine(e.what())));
  } catch (const std::exception& e) {
    return absl::InternalError(absl::StrCat(where, ": ", OneLine(e.what())));
  }
}

}  // namespace schemadiff
