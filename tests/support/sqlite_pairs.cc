#include "tests/support/sqlite_pairs.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/dialect_sqlite.h"
#include "gtest/gtest.h"
#include "introspect/sqlite_introspector.h"

namespace schemadiff::testing {
namespace {

const char kUsersPosts[] = R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  name TEXT,
  age INTEGER DEFAULT 0
);
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
  title TEXT NOT NULL
);
)sql";

const char kSeed[] = R"sql(
INSERT INTO users VALUES (1, 'ann@example.com', 'Ann', 30), (2, 'bob@example.com', NULL, 41);
INSERT INTO posts VALUES (10, 1, 'hello'), (11, 2, 'world'), (12, NULL, 'orphan');
)sql";

// kUsersPosts with `users` replaced by `users_ddl`.
std::string WithUsers(const std::string& users_ddl) {
  return absl::StrCat(users_ddl, R"sql(
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users (id) ON DELETE CASCADE,
  title TEXT NOT NULL
);
)sql");
}

Table* MustFindTable(Catalog* catalog, const std::string& name) {
  Table* table = FindTable(*catalog, "", name);
  EXPECT_NE(table, nullptr) << name;
  return table;
}

void RenameTableHint(Catalog* catalog, const std::string& table, const std::string& from) {
  if (Table* t = MustFindTable(catalog, table)) t->renamed_from = {from};
}

void RenameColumnHint(Catalog* catalog, const std::string& table, const std::string& column,
                      const std::string& from) {
  Table* t = MustFindTable(catalog, table);
  if (t == nullptr) return;
  Column* c = FindColumn(*t, column);
  ASSERT_NE(c, nullptr) << table << "." << column;
  c->renamed_from = {from};
}

}  // namespace

CommandResult Sqlite(const TempDir& dir, const std::string& db, const std::string& sql) {
  static int counter = 0;
  const std::string file = dir.File(absl::StrCat("script", ++counter, ".sql"));
  WriteFile(file, sql);
  return RunCommand(absl::StrCat("sqlite3 -bail '", db, "' < '", file, "'"));
}

absl::StatusOr<SqliteSides> MakeSqliteSides(const TempDir& dir, const std::string& from_sql,
                                            const std::string& to_sql) {
  SqliteSides sides;
  sides.db = dir.File("work.db");
  const std::string target_db = dir.File("to.db");
  for (const auto& [file, sql] : {std::pair{sides.db, from_sql}, std::pair{target_db, to_sql}}) {
    const CommandResult made = Sqlite(dir, file, sql);
    if (made.exit_code != 0) {
      return absl::InternalError(absl::StrCat("sqlite3 ", file, ": ", made.err));
    }
  }
  absl::StatusOr<Catalog> from = IntrospectSqlite(sides.db);
  if (!from.ok()) return from.status();
  absl::StatusOr<Catalog> to = IntrospectSqlite(target_db);
  if (!to.ok()) return to.status();
  sides.from = *std::move(from);
  sides.to = *std::move(to);
  return sides;
}

absl::StatusOr<SqliteSides> MakeCaseSides(const TempDir& dir, const ConvergenceCase& c) {
  absl::StatusOr<SqliteSides> sides = MakeSqliteSides(dir, c.from + c.seed, c.to);
  if (sides.ok() && c.hints) c.hints(&sides->to);
  return sides;
}

std::ostream& operator<<(std::ostream& os, const ConvergenceCase& c) { return os << c.name; }

std::vector<ConvergenceCase> SqliteConvergenceCases() {
  const std::string users = R"sql(
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  name TEXT,
  age INTEGER DEFAULT 0
);)sql";
  const std::string hostile_from = R"sql(
CREATE TABLE "we""ird; table
name" (
  "id" INTEGER PRIMARY KEY,
  "select" TEXT,
  "o'clock; --" INTEGER,
  "ünïcødé" TEXT
);
CREATE INDEX "ix ""odd""
name" ON "we""ird; table
name" ("select");
)sql";
  const std::string hostile_to = R"sql(
CREATE TABLE "we""ird; table
name" (
  "id" INTEGER PRIMARY KEY,
  "select" VARCHAR(20) NOT NULL DEFAULT 'it''s; DROP TABLE x; --',
  "o'clock; --" INTEGER,
  "ünïcødé" TEXT,
  "new
line" TEXT,
  CONSTRAINT "ck ""quoted""; --" CHECK ("o'clock; --" >= 0)
);
CREATE INDEX "ix ""odd""
name" ON "we""ird; table
name" ("select");
CREATE UNIQUE INDEX "ux ünï" ON "we""ird; table
name" ("ünïcødé");
)sql";
  const std::string codes_from = R"sql(
CREATE TABLE codes (code TEXT PRIMARY KEY, descr VARCHAR(10));
CREATE TABLE items (id INTEGER PRIMARY KEY, code_ref TEXT REFERENCES codes (code));
)sql";
  const std::string codes_to = R"sql(
CREATE TABLE codes (value TEXT PRIMARY KEY, descr VARCHAR(200) NOT NULL DEFAULT '');
CREATE TABLE items (id INTEGER PRIMARY KEY, code_ref TEXT REFERENCES codes (value));
)sql";
  const std::string codes_seed = R"sql(
INSERT INTO codes VALUES ('a', 'alpha'), ('b', NULL);
INSERT INTO items VALUES (1, 'a'), (2, 'b'), (3, 'a');
)sql";

  return {
      {"create_table",
       kUsersPosts,
       absl::StrCat(kUsersPosts,
                    "CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE);"),
       kSeed,
       nullptr,
       {}},
      {"drop_table",
       absl::StrCat(kUsersPosts, "CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT);"),
       kUsersPosts,
       absl::StrCat(kSeed, "INSERT INTO tags VALUES (1, 'x');"),
       nullptr,
       {}},
      {"rename_referenced_table",
       kUsersPosts,
       R"sql(
CREATE TABLE members (
  id INTEGER PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  name TEXT,
  age INTEGER DEFAULT 0
);
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES members (id) ON DELETE CASCADE,
  title TEXT NOT NULL
);
)sql",
       kSeed,
       [](Catalog* c) { RenameTableHint(c, "members", "users"); },
       {{"SELECT group_concat(email) FROM members;", "ann@example.com,bob@example.com\n"}}},
      {"add_nullable_column",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER DEFAULT 0, bio TEXT);"),
       kSeed,
       nullptr,
       {}},
      {"add_not_null_column_with_default",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER DEFAULT 0, status TEXT NOT NULL DEFAULT 'active');"),
       kSeed,
       nullptr,
       {{"SELECT group_concat(status) FROM users;", "active,active\n"}}},
      {"add_not_null_column_without_default_to_empty_table",
       absl::StrCat(kUsersPosts, "CREATE TABLE audit (id INTEGER PRIMARY KEY);"),
       absl::StrCat(kUsersPosts,
                    "CREATE TABLE audit (id INTEGER PRIMARY KEY, actor TEXT NOT NULL);"),
       kSeed,
       nullptr,
       {}},
      {"add_column_with_current_timestamp_default",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER DEFAULT 0, created_at DATETIME DEFAULT "
                 "CURRENT_TIMESTAMP);"),
       kSeed,
       nullptr,
       {{"SELECT count(*) FROM users WHERE created_at IS NOT NULL;", "2\n"}}},
      {"drop_column",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT);"),
       kSeed,
       nullptr,
       {}},
      {"drop_column_used_by_check",
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER DEFAULT 0 CHECK (age >= 0));"),
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT);"),
       kSeed,
       nullptr,
       {}},
      {"drop_indexed_column",
       absl::StrCat(kUsersPosts, "CREATE INDEX ix_users_age ON users (age);"),
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT);"),
       kSeed,
       nullptr,
       {}},
      {"rename_column",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "full_name TEXT, age INTEGER DEFAULT 0);"),
       kSeed,
       [](Catalog* c) { RenameColumnHint(c, "users", "full_name", "name"); },
       {{"SELECT full_name FROM users WHERE id = 1;", "Ann\n"}}},
      {"rename_column_used_by_expressions",
       "CREATE TABLE prices (id INTEGER PRIMARY KEY, amount NUMERIC NOT NULL "
       "CHECK (amount >= 0)); CREATE INDEX ix_prices_rounded ON prices (round(amount)) "
       "WHERE amount > 0;",
       "CREATE TABLE prices (id INTEGER PRIMARY KEY, net_amount NUMERIC NOT NULL "
       "CHECK (net_amount >= 0)); CREATE INDEX ix_prices_rounded ON prices "
       "(round(net_amount)) WHERE net_amount > 0;",
       "INSERT INTO prices VALUES (1, 2.5), (2, 0);",
       [](Catalog* c) { RenameColumnHint(c, "prices", "net_amount", "amount"); },
       {{"SELECT group_concat(net_amount, '|') FROM prices;", "2.5|0\n"}}},
      {"rename_referenced_column_in_a_rebuilt_table",
       codes_from,
       codes_to,
       codes_seed,
       [](Catalog* c) { RenameColumnHint(c, "codes", "value", "code"); },
       {{"SELECT group_concat(descr, '|') FROM codes;", "alpha|\n"},
        {"SELECT count(*) FROM items JOIN codes ON codes.value = items.code_ref;", "3\n"}}},
      {"type_change",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(255) NOT NULL, "
                 "name TEXT, age BIGINT DEFAULT 0);"),
       kSeed,
       nullptr,
       {}},
      {"nullable_to_not_null_fills_the_default",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT NOT NULL DEFAULT 'anonymous', age INTEGER DEFAULT 0);"),
       kSeed,
       nullptr,
       {{"SELECT name FROM users WHERE id = 2;", "anonymous\n"}}},
      {"not_null_to_nullable",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100), "
                 "name TEXT, age INTEGER DEFAULT 0);"),
       kSeed,
       nullptr,
       {}},
      {"default_add",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT DEFAULT 'n/a', age INTEGER DEFAULT 0);"),
       kSeed,
       nullptr,
       {}},
      {"default_change",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER DEFAULT 18);"),
       kSeed,
       nullptr,
       {}},
      {"default_remove",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER);"),
       kSeed,
       nullptr,
       {}},
      {"primary_key_added",
       "CREATE TABLE log (id INTEGER NOT NULL, msg TEXT);",
       "CREATE TABLE log (id INTEGER NOT NULL, msg TEXT, PRIMARY KEY (id));",
       "INSERT INTO log VALUES (1, 'a'), (2, 'b');",
       nullptr,
       {}},
      {"primary_key_to_composite",
       "CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v TEXT NOT NULL);",
       "CREATE TABLE kv (k TEXT NOT NULL, v TEXT NOT NULL, CONSTRAINT pk_kv PRIMARY KEY (k, v));",
       "INSERT INTO kv VALUES ('a', '1'), ('b', '2');",
       nullptr,
       {}},
      {"create_table_with_composite_primary_key",
       kUsersPosts,
       absl::StrCat(kUsersPosts,
                    "CREATE TABLE memberships (user_id INTEGER NOT NULL REFERENCES users (id), "
                    "group_id INTEGER NOT NULL, PRIMARY KEY (user_id, group_id));"),
       kSeed,
       nullptr,
       {}},
      {"unique_add",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER DEFAULT 0, CONSTRAINT uq_users_email UNIQUE (email));"),
       kSeed,
       nullptr,
       {}},
      {"unique_drop",
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER DEFAULT 0, CONSTRAINT uq_users_email UNIQUE (email));"),
       kUsersPosts,
       kSeed,
       nullptr,
       {}},
      {"unique_rename",
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER DEFAULT 0, CONSTRAINT uq_a UNIQUE (email));"),
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER DEFAULT 0, CONSTRAINT uq_b UNIQUE (email));"),
       kSeed,
       nullptr,
       {}},
      {"index_add",
       kUsersPosts,
       absl::StrCat(kUsersPosts, "CREATE INDEX ix_users_name ON users (name);"),
       kSeed,
       nullptr,
       {}},
      {"index_drop",
       absl::StrCat(kUsersPosts, "CREATE INDEX ix_users_name ON users (name);"),
       kUsersPosts,
       kSeed,
       nullptr,
       {}},
      {"index_rename",
       absl::StrCat(kUsersPosts, "CREATE INDEX ix_a ON users (name, age DESC);"),
       absl::StrCat(kUsersPosts, "CREATE INDEX ix_b ON users (name, age DESC);"),
       kSeed,
       nullptr,
       {}},
      {"partial_expression_and_unique_indexes",
       kUsersPosts,
       absl::StrCat(kUsersPosts,
                    "CREATE INDEX ix_adults ON users (age) WHERE age >= 18;"
                    "CREATE INDEX ix_lower_email ON users (lower(email));"
                    "CREATE UNIQUE INDEX ux_users_email ON users (email COLLATE NOCASE);"),
       kSeed,
       nullptr,
       {}},
      {"foreign_key_add",
       "CREATE TABLE users (id INTEGER PRIMARY KEY);"
       "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER);",
       "CREATE TABLE users (id INTEGER PRIMARY KEY);"
       "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER, "
       "CONSTRAINT fk_posts_user FOREIGN KEY (user_id) REFERENCES users (id));",
       "INSERT INTO users VALUES (1); INSERT INTO posts VALUES (1, 1), (2, NULL);",
       nullptr,
       {}},
      {"foreign_key_drop",
       kUsersPosts,
       users + "CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER, title TEXT NOT NULL);",
       kSeed,
       nullptr,
       {}},
      {"foreign_key_actions_change",
       kUsersPosts,
       absl::StrCat(users, R"sql(
CREATE TABLE posts (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users (id) ON DELETE SET NULL ON UPDATE CASCADE,
  title TEXT NOT NULL
);)sql"),
       kSeed,
       nullptr,
       {}},
      {"foreign_key_cycle",
       "CREATE TABLE seed (id INTEGER PRIMARY KEY);",
       R"sql(
CREATE TABLE seed (id INTEGER PRIMARY KEY);
CREATE TABLE a (id INTEGER PRIMARY KEY, b_id INTEGER, CONSTRAINT fk_a_b FOREIGN KEY (b_id) REFERENCES b (id));
CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER, CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id));
)sql",
       "INSERT INTO seed VALUES (1);",
       nullptr,
       {}},
      {"check_add",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER DEFAULT 0, CONSTRAINT ck_users_age CHECK (age >= 0));"),
       kSeed,
       nullptr,
       {}},
      {"check_drop",
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER DEFAULT 0, CONSTRAINT ck_users_age CHECK (age >= 0));"),
       kUsersPosts,
       kSeed,
       nullptr,
       {}},
      {"referenced_table_rebuilt_keeps_children",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name VARCHAR(50), age INTEGER NOT NULL DEFAULT 0, "
                 "CONSTRAINT ck_users_age CHECK (age >= 0));"),
       kSeed,
       nullptr,
       {{"SELECT count(*) FROM posts WHERE user_id IS NOT NULL;", "2\n"}}},
      {"table_under_a_view_rebuilt",
       absl::StrCat(kUsersPosts,
                    "CREATE VIEW named_users AS SELECT id, name FROM users "
                    "WHERE name IS NOT NULL;"),
       absl::StrCat(WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) "
                              "NOT NULL, name VARCHAR(80), age INTEGER DEFAULT 0);"),
                    "CREATE VIEW named_users AS SELECT id, name FROM users "
                    "WHERE name IS NOT NULL;"),
       kSeed,
       nullptr,
       {{"SELECT group_concat(name) FROM named_users;", "Ann\n"}}},
      {"self_referencing_table_rebuilt",
       "CREATE TABLE staff (id INTEGER PRIMARY KEY, boss_id INTEGER REFERENCES staff (id), "
       "name TEXT);",
       "CREATE TABLE staff (id INTEGER PRIMARY KEY, boss_id INTEGER REFERENCES staff (id) "
       "ON DELETE SET NULL, name VARCHAR(40) NOT NULL DEFAULT '?');",
       "INSERT INTO staff VALUES (1, NULL, 'boss'), (2, 1, 'dev'), (3, 2, NULL);",
       nullptr,
       {{"SELECT count(*) FROM staff AS s JOIN staff AS b ON b.id = s.boss_id;", "2\n"}}},
      {"generated_columns",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT, age INTEGER DEFAULT 0, "
                 "label TEXT GENERATED ALWAYS AS (email || ' ' || ifnull(name, '?')) VIRTUAL, "
                 "decade INTEGER GENERATED ALWAYS AS (age / 10) STORED);"),
       kSeed,
       nullptr,
       {{"SELECT group_concat(label || '/' || decade, ',') FROM users;",
         "ann@example.com Ann/3,bob@example.com ?/4\n"}}},
      {"strict_and_without_rowid_options",
       "CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v INTEGER);",
       "CREATE TABLE kv (k TEXT NOT NULL PRIMARY KEY, v INTEGER) WITHOUT ROWID, STRICT;",
       "INSERT INTO kv VALUES ('a', 1), ('b', NULL);",
       nullptr,
       {}},
      {"rowid_table_rebuilt_keeps_rowids",
       "CREATE TABLE notes (body TEXT, tag TEXT);",
       "CREATE TABLE notes (body VARCHAR(50) NOT NULL DEFAULT '');",
       "INSERT INTO notes VALUES ('a', 'x'), ('b', 'y'), ('c', NULL); DELETE FROM notes "
       "WHERE rowid = 2;",
       nullptr,
       {{"SELECT group_concat(rowid || '=' || body) FROM notes;", "1=a,3=c\n"}}},
      {"autoincrement_table_rebuilt",
       "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT);",
       "CREATE TABLE events (id INTEGER PRIMARY KEY AUTOINCREMENT, kind VARCHAR(20) NOT NULL "
       "DEFAULT 'x');",
       // The highest id is deleted: AUTOINCREMENT must not hand it out again after the rebuild.
       "INSERT INTO events (kind) VALUES ('a'), (NULL), ('c'); DELETE FROM events WHERE id = 3;",
       nullptr,
       {{"SELECT seq FROM sqlite_sequence WHERE name = 'events';", "3\n"}}},
      {"collation_change",
       kUsersPosts,
       WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(100) NOT NULL, "
                 "name TEXT COLLATE NOCASE, age INTEGER DEFAULT 0);"),
       kSeed,
       nullptr,
       {{"SELECT count(*) FROM users WHERE name = 'ANN';", "1\n"}}},
      {"many_changes_in_one_table",
       absl::StrCat(kUsersPosts, "CREATE INDEX ix_users_name ON users (name);"),
       absl::StrCat(WithUsers("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200), "
                              "display TEXT, score REAL DEFAULT 1.5, "
                              "CONSTRAINT uq_users_email UNIQUE (email));"),
                    "CREATE INDEX ix_users_display ON users (display);"),
       kSeed,
       [](Catalog* c) { RenameColumnHint(c, "users", "display", "name"); },
       {{"SELECT display FROM users WHERE id = 1;", "Ann\n"}}},
      {"hostile_identifiers",
       hostile_from,
       hostile_to,
       "INSERT INTO \"we\"\"ird; table\nname\" VALUES (1, 'a', 3, 'x'), (2, NULL, NULL, 'y');",
       nullptr,
       {{"SELECT \"select\" FROM \"we\"\"ird; table\nname\" ORDER BY id;",
         "a\nit's; DROP TABLE x; --\n"}}},
  };
}

std::vector<std::string> SharedDataQueries(const Catalog& from, const Catalog& to) {
  const Dialect& d = SqliteDialect();
  std::vector<std::string> queries;
  for (const Table& table : from.tables) {
    const Table* other = FindTable(to, table.schema, table.name);
    if (other == nullptr) continue;
    std::vector<std::string> columns;
    for (const Column& column : table.columns) {
      const Column* target = FindColumn(*other, column.name);
      if (target != nullptr && (target->nullable || !column.nullable)) {
        columns.push_back(d.QuoteIdentifier(column.name));
      }
    }
    if (columns.empty()) continue;
    const std::string list = absl::StrJoin(columns, ", ");
    queries.push_back(absl::StrCat("SELECT ", list, " FROM ", d.QuoteIdentifier(table.name),
                                   " ORDER BY ", list, ";"));
  }
  return queries;
}

}  // namespace schemadiff::testing
