// The MySQL SQL renderer without a server: script frame, full column restatement, one ALTER per
// table, InnoDB's foreign-key indexes, ENUM warnings, renames, quoting. (Its effect on a real
// server is what tests/integration/mysql_convergence_test.cc checks.)
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "catalog/dialect_mysql.h"
#include "diff/differ.h"
#include "gtest/gtest.h"
#include "introspect/yaml_loader.h"
#include "render/sql_renderer.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

Catalog Yaml(const std::string& text) {
  absl::StatusOr<Catalog> catalog = ParseYamlSchema(text, "test.yaml", MysqlDialect());
  EXPECT_TRUE(catalog.ok()) << catalog.status();
  return catalog.ok() ? *std::move(catalog) : Catalog{};
}

// The upgrade script from `from` to `to` (YAML tables under "naming_convention: {}").
std::string Script(const std::string& from, const std::string& to, bool down = false) {
  const std::string head = "dialect: mysql\nnaming_convention: {}\ntables:\n";
  const Catalog a = Yaml(head + from);
  const Catalog b = Yaml(head + to);
  absl::StatusOr<Plan> plan = Diff(a, b, MysqlDialect());
  EXPECT_TRUE(plan.ok()) << plan.status();
  if (!plan.ok()) return "";
  absl::StatusOr<std::string> sql =
      down ? RenderSql(ReversePlan(*plan), b, MysqlDialect(), SqlRenderOptions{})
           : RenderSql(*plan, a, MysqlDialect(), SqlRenderOptions{});
  EXPECT_TRUE(sql.ok()) << sql.status();
  return sql.ok() ? *sql : "";
}

// How often `needle` occurs in `haystack`.
int Count(const std::string& haystack, const std::string& needle) {
  int n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

const char kItems[] = R"yaml(  items:
    columns:
      id: {type: integer, primary_key: true}
      code:
        type: varchar(20)
        nullable: false
        server_default: "'x'"
        collation: latin1_bin
        comment: the code
      updated: {type: timestamp(3), server_default: CURRENT_TIMESTAMP, server_onupdate: CURRENT_TIMESTAMP}
)yaml";

TEST(MysqlSqlTest, EmptyPlanSaysSo) {
  const std::string sql = Script(kItems, kItems);
  EXPECT_TRUE(absl::StrContains(sql, "No changes.")) << sql;
  EXPECT_FALSE(absl::StrContains(sql, "ALTER")) << sql;
}

TEST(MysqlSqlTest, HeaderSaysDdlIsNotTransactional) {
  std::string to = kItems;
  to += "      note: {type: text}\n";
  const std::string sql = Script(kItems, to);
  EXPECT_TRUE(absl::StrContains(sql, "cannot run\n-- as one transaction")) << sql;
  EXPECT_TRUE(absl::StrContains(sql, "generate\n-- the migration again from the live database"))
      << sql;
  EXPECT_FALSE(absl::StrContains(sql, "BEGIN")) << sql;
  EXPECT_TRUE(absl::StrContains(sql, "ALTER TABLE `items`\n  ADD COLUMN `note` text NULL;")) << sql;
}

TEST(MysqlSqlTest, ModifyRestatesTheWholeColumn) {
  const std::string to =
      absl::StrReplaceAll(kItems, {{"comment: the code", "comment: the new code"}});
  const std::string sql = Script(kItems, to);
  EXPECT_TRUE(absl::StrContains(
      sql,
      "MODIFY COLUMN `code` varchar(20) COLLATE latin1_bin NOT NULL DEFAULT 'x' COMMENT "
      "'the new code'"))
      << sql;
  const std::string precision = absl::StrReplaceAll(kItems, {{"timestamp(3)", "timestamp(6)"}});
  const std::string widened = Script(kItems, precision);
  EXPECT_TRUE(absl::StrContains(widened,
                                "MODIFY COLUMN `updated` datetime(6) NULL DEFAULT "
                                "CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6)"))
      << widened;
}

TEST(MysqlSqlTest, DefaultAloneChangesInPlace) {
  const std::string to = absl::StrReplaceAll(kItems, {{"\"'x'\"", "\"'y'\""}});
  const std::string sql = Script(kItems, to);
  EXPECT_TRUE(absl::StrContains(sql, "ALTER COLUMN `code` SET DEFAULT 'y'")) << sql;
  EXPECT_FALSE(absl::StrContains(sql, "MODIFY")) << sql;
}

TEST(MysqlSqlTest, ChangesOfOneTableShareOneAlter) {
  const std::string from = R"yaml(  t:
    columns:
      id: {type: integer, primary_key: true}
      a: {type: integer}
      b: {type: varchar(10)}
    indexes:
      - {name: ix_a, columns: [a]}
)yaml";
  const std::string to = R"yaml(  t:
    columns:
      id: {type: integer, primary_key: true}
      b: {type: varchar(40), nullable: false}
      c: {type: integer}
    indexes:
      - {name: ix_c, columns: [c]}
    checks:
      - {name: ck_c, expression: "c > 0"}
)yaml";
  const std::string sql = Script(from, to);
  EXPECT_EQ(Count(sql, "ALTER TABLE"), 1) << sql;
  for (const char* clause : {"DROP INDEX `ix_a`", "DROP COLUMN `a`", "ADD COLUMN `c` int NULL",
                             "MODIFY COLUMN `b` varchar(40) NOT NULL", "ADD INDEX `ix_c` (`c`)",
                             "ADD CONSTRAINT `ck_c` CHECK (c > 0)"}) {
    EXPECT_TRUE(absl::StrContains(sql, clause)) << clause << "\n" << sql;
  }
}

const char kParent[] = R"yaml(  p:
    columns:
      id: {type: integer, primary_key: true}
)yaml";

TEST(MysqlSqlTest, DroppingTheIndexThatServesAForeignKeyRecreatesInnoDbsIndex) {
  const std::string from = absl::StrCat(kParent, R"yaml(  c:
    columns:
      id: {type: integer, primary_key: true}
      p_id: {type: integer}
    foreign_keys:
      - {name: fk_c_p, columns: [p_id], references: {table: p, columns: [id]}}
    indexes:
      - {name: ix_c_p_id, columns: [p_id]}
)yaml");
  const std::string to = absl::StrCat(kParent, R"yaml(  c:
    columns:
      id: {type: integer, primary_key: true}
      p_id: {type: integer}
    foreign_keys:
      - {name: fk_c_p, columns: [p_id], references: {table: p, columns: [id]}}
)yaml");
  const std::string sql = Script(from, to);
  EXPECT_TRUE(absl::StrContains(sql, "DROP INDEX `ix_c_p_id`,\n  ADD INDEX `fk_c_p` (`p_id`)"))
      << sql;
  // Dropping the key drops InnoDB's index with it; creating it needs nothing extra.
  const std::string no_fk = absl::StrCat(kParent, R"yaml(  c:
    columns:
      id: {type: integer, primary_key: true}
      p_id: {type: integer}
)yaml");
  const std::string drop = Script(to, no_fk);
  EXPECT_TRUE(absl::StrContains(drop, "DROP FOREIGN KEY `fk_c_p`,\n  DROP INDEX `fk_c_p`")) << drop;
  const std::string add = Script(no_fk, to);
  EXPECT_FALSE(absl::StrContains(add, "INDEX")) << add;
  // With another index serving the key, its drop leaves no index behind.
  const std::string served = Script(from, absl::StrCat(kParent, R"yaml(  c:
    columns:
      id: {type: integer, primary_key: true}
      p_id: {type: integer}
    indexes:
      - {name: ix_c_p_id, columns: [p_id]}
)yaml"));
  EXPECT_TRUE(absl::StrContains(served, "DROP FOREIGN KEY `fk_c_p`;")) << served;
}

TEST(MysqlSqlTest, EnumValueRemovalWarnsOfDataLoss) {
  const std::string from = R"yaml(  t:
    columns:
      id: {type: integer, primary_key: true}
      s: {type: "enum('a','b','c')"}
)yaml";
  const std::string to = absl::StrReplaceAll(from, {{"'c'", "'d'"}});
  const std::string sql = Script(from, to);
  EXPECT_TRUE(absl::StrContains(sql, "WARNING [data-loss]: column t.s drops ENUM value(s) 'c'"))
      << sql;
  EXPECT_TRUE(absl::StrContains(sql, "MODIFY COLUMN `s` enum('a','b','d') NULL")) << sql;
  const std::string added = Script(from, absl::StrReplaceAll(from, {{"'c')", "'c','d')"}}));
  EXPECT_FALSE(absl::StrContains(added, "data-loss")) << added;
  EXPECT_TRUE(absl::StrContains(added, "WARNING [enum-change]")) << added;
}

TEST(MysqlSqlTest, RenamesAreStatementsOfTheirOwn) {
  const std::string from = R"yaml(  t:
    columns:
      id: {type: integer, primary_key: true}
      old_name: {type: integer}
      other: {type: integer}
)yaml";
  const std::string to = R"yaml(  t:
    columns:
      id: {type: integer, primary_key: true}
      new_name: {type: integer, renamed_from: old_name}
      other: {type: bigint}
)yaml";
  const std::string sql = Script(from, to);
  EXPECT_TRUE(absl::StrContains(sql, "ALTER TABLE `t` RENAME COLUMN `old_name` TO `new_name`;"))
      << sql;
  EXPECT_TRUE(absl::StrContains(sql, "ALTER TABLE `t`\n  MODIFY COLUMN `other` bigint NULL;"))
      << sql;
  const std::string down = Script(from, to, /*down=*/true);
  EXPECT_TRUE(absl::StrContains(down, "RENAME COLUMN `new_name` TO `old_name`")) << down;
}

TEST(MysqlSqlTest, HostileNamesAreQuoted) {
  const std::string from = R"yaml(  "we`ird; --":
    columns:
      id: {type: integer, primary_key: true}
)yaml";
  const std::string to = R"yaml(  "we`ird; --":
    comment: "it's \\ a \"test\""
    columns:
      id: {type: integer, primary_key: true}
      "o'clock`": {type: varchar(10), default: "a'; DROP TABLE x; --"}
)yaml";
  const std::string sql = Script(from, to);
  EXPECT_TRUE(absl::StrContains(sql, "ALTER TABLE `we``ird; --`")) << sql;
  EXPECT_TRUE(absl::StrContains(
      sql, "ADD COLUMN `o'clock``` varchar(10) NULL DEFAULT 'a''; DROP TABLE x; --'"))
      << sql;
  EXPECT_TRUE(absl::StrContains(sql, "COMMENT = 'it''s \\\\ a \"test\"'")) << sql;
}

}  // namespace
}  // namespace schemadiff
