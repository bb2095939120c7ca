#include "render/sqlite_rebuild.h"

#include <optional>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "render/sqlite_alter.h"
#include "render/sqlite_ddl.h"

namespace schemadiff {
namespace {

// Where a column of the rebuilt table gets its values from.
struct Lineage {
  std::string name;                   // the column's name as the ops go along
  std::optional<std::string> source;  // its column in the old table (current physical name)
  std::string original;               // its name in `before`; empty for added columns
};

// Follows columns through the rebuild's ops and collects the renames SQLite can do in place.
class ColumnTracker {
 public:
  explicit ColumnTracker(const Table& before) {
    for (const Column& column : before.columns) {
      columns_.push_back({column.name, column.name, column.name});
      physical_.push_back(column.name);
    }
  }

  // Updates the lineage for `op`; a rename that can run natively before the rebuild is
  // appended to `renames` as (from, to).
  void Apply(const Op& op, std::vector<std::pair<std::string, std::string>>* renames) {
    if (const auto* add = std::get_if<AddColumn>(&op)) {
      columns_.push_back({add->column.name, std::nullopt, ""});
    } else if (const auto* drop = std::get_if<DropColumn>(&op)) {
      std::erase_if(columns_, [&](const Lineage& l) { return Same(l.name, drop->column.name); });
    } else if (const auto* rename = std::get_if<RenameColumn>(&op)) {
      Lineage* column = FindMutable(rename->from);
      if (column == nullptr) return;
      if (column->source.has_value() && Same(*column->source, rename->from) &&
          !PhysicalClash(rename->to, rename->from)) {
        renames->emplace_back(*column->source, rename->to);
        for (std::string& name : physical_) {
          if (Same(name, rename->from)) name = rename->to;
        }
        column->source = rename->to;
      }
      column->name = rename->to;
    }
  }

  // The lineage of the column now called `name`, or nullptr for none.
  const Lineage* Find(std::string_view name) const {
    for (const Lineage& column : columns_) {
      if (Same(column.name, name)) return &column;
    }
    return nullptr;
  }

 private:
  static bool Same(std::string_view a, std::string_view b) {
    return absl::EqualsIgnoreCase(Absl(a), Absl(b));
  }

  Lineage* FindMutable(std::string_view name) {
    for (Lineage& column : columns_) {
      if (Same(column.name, name)) return &column;
    }
    return nullptr;
  }

  // Whether `to` is taken in the old table by a column other than `from`.
  bool PhysicalClash(std::string_view to, std::string_view from) const {
    for (const std::string& name : physical_) {
      if (Same(name, to) && !Same(name, from)) return true;
    }
    return false;
  }

  std::vector<Lineage> columns_;
  std::vector<std::string> physical_;  // column names of the old table, renames included
};

// The SELECT expression that fills `column` from the old table's `source` column.
std::string CopyExpression(const Dialect& dialect, const Column& column, const std::string& source,
                           const Column* before) {
  const std::string quoted = dialect.QuoteIdentifier(source);
  const bool fill_nulls = !column.nullable && column.server_default.has_value() &&
                          column.server_default->kind != DefaultKind::kNull &&
                          (before == nullptr || before->nullable);
  if (!fill_nulls) return quoted;
  return absl::StrCat("COALESCE(", quoted, ", ",
                      dialect.RenderDefault(*column.server_default, column.type), ")");
}

// The name under which the copy carries the rowid over: rowid values of a table without an
// INTEGER PRIMARY KEY are kept (applications and external data may refer to them). Empty when
// either table has no rowid of its own, or no alias of it is free.
std::string RowidToCopy(const Dialect& dialect, const Table& before, const Table& after) {
  if (SqliteOptionOn(before, "without_rowid") || SqliteOptionOn(after, "without_rowid") ||
      SqliteHasRowidAlias(dialect, after)) {
    return "";
  }
  for (const char* alias : {"rowid", "_rowid_", "oid"}) {
    auto taken = [alias](const Table& table) {
      for (const Column& column : table.columns) {
        if (absl::EqualsIgnoreCase(column.name, alias)) return true;
      }
      return false;
    };
    if (!taken(before) && !taken(after)) return alias;
  }
  return "";
}

// Columns of `before` that `after` lacks (dropped or renamed) and that `trigger`'s text names.
// SQLite only resolves trigger bodies when they run, so such a trigger would fail later.
std::vector<std::string> GoneColumnsMentioned(const Table& before, const Table& after,
                                              const Trigger& trigger) {
  std::vector<std::string> gone;
  for (const Column& column : before.columns) {
    bool kept = false;
    for (const Column& other : after.columns) {
      kept = kept || absl::EqualsIgnoreCase(column.name, other.name);
    }
    if (!kept && ExpressionMentions(trigger.sql, column.name)) gone.push_back(column.name);
  }
  return gone;
}

}  // namespace

absl::Status WriteSqliteRebuild(const Dialect& dialect, const SqliteRebuild& rebuild,
                                SqlWriter* out) {
  const Table& before = rebuild.before;
  const Table& after = rebuild.after;
  ColumnTracker tracker(before);
  std::vector<std::pair<std::string, std::string>> renames;
  for (const Op& op : rebuild.ops) tracker.Apply(op, &renames);

  const std::string table = SqliteQualified(dialect, before.schema, before.name);
  for (const auto& [from, to] : renames) {
    out->Statement(absl::StrCat("ALTER TABLE ", table, " RENAME COLUMN ",
                                dialect.QuoteIdentifier(from), " TO ",
                                dialect.QuoteIdentifier(to)));
  }

  ASSIGN_OR_RETURN(const std::string create, SqliteCreateTable(dialect, after, rebuild.temp_name));
  out->Statement(create);

  std::vector<std::string> targets;
  std::vector<std::string> sources;
  const std::string rowid = RowidToCopy(dialect, before, after);
  if (!rowid.empty()) {
    targets.push_back(rowid);
    sources.push_back(rowid);
  }
  for (const Column& column : after.columns) {
    if (column.generated.has_value()) continue;
    const Lineage* lineage = tracker.Find(column.name);
    if (lineage == nullptr || !lineage->source.has_value()) continue;
    targets.push_back(dialect.QuoteIdentifier(column.name));
    sources.push_back(
        CopyExpression(dialect, column, *lineage->source, FindColumn(before, lineage->original)));
  }
  const std::string temp = SqliteQualified(dialect, after.schema, rebuild.temp_name);
  if (targets.empty()) {
    out->Comment(absl::StrCat("No column of ", QualifiedName(before.schema, before.name),
                              " survives the change: its rows are not copied."));
  } else {
    out->Statement(absl::StrCat("INSERT INTO ", temp, " (", absl::StrJoin(targets, ", "),
                                ")\n  SELECT ", absl::StrJoin(sources, ", "), " FROM ", table));
  }
  if (SqliteAutoincrementKey(before) != nullptr && SqliteAutoincrementKey(after) != nullptr) {
    // Keep the AUTOINCREMENT high-water mark: ids of deleted rows stay unused. DROP TABLE
    // removes the old table's sqlite_sequence row and the RENAME carries over the new one's.
    const std::string temp_key = dialect.QuoteString(rebuild.temp_name);
    out->Statement(absl::StrCat("DELETE FROM sqlite_sequence WHERE name = ", temp_key));
    out->Statement(
        absl::StrCat("INSERT INTO sqlite_sequence (name, seq) SELECT ", temp_key,
                     ", seq FROM sqlite_sequence WHERE name = ", dialect.QuoteString(before.name)));
  }
  out->Statement(absl::StrCat("DROP TABLE ", table));
  // Legacy mode for this rename only: nothing refers to the new table yet, and the modern RENAME
  // re-checks every view and trigger, failing on those that refer to the table dropped above.
  // In legacy mode they simply refer to the table again once it has its name back.
  out->Statement("PRAGMA legacy_alter_table=ON");
  out->Statement(
      absl::StrCat("ALTER TABLE ", temp, " RENAME TO ", dialect.QuoteIdentifier(after.name)));
  out->Statement("PRAGMA legacy_alter_table=OFF");
  for (const Index& index : after.indexes) {
    ASSIGN_OR_RETURN(const std::string sql,
                     SqliteCreateIndex(dialect, after.schema, after.name, index));
    out->Statement(sql);
  }
  for (const Trigger& trigger : after.triggers) {
    const std::vector<std::string> gone = GoneColumnsMentioned(before, after, trigger);
    if (!gone.empty()) {
      out->AddWarning(
          {"trigger", Severity::kWarning,
           absl::StrCat("trigger ", trigger.name, " is re-created as it was, but ",
                        QualifiedName(after.schema, after.name), " no longer has column(s) ",
                        absl::StrJoin(gone, ", "), " that it may use: check its body")});
    }
    out->Statement(SqliteCreateTrigger(trigger));
  }
  return absl::OkStatus();
}

}  // namespace schemadiff
