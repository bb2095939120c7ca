// The (from, to) DDL pairs of the MySQL / MariaDB convergence suites (SQL through the mariadb
// client, and real Alembic), shared so that both run exactly the same pairs.
#ifndef SCHEMADIFF_TESTS_INTEGRATION_MYSQL_PAIRS_H_
#define SCHEMADIFF_TESTS_INTEGRATION_MYSQL_PAIRS_H_

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "catalog/catalog.h"
#include "gtest/gtest.h"

namespace schemadiff::testing {

// A query and the output it must give after the upgrade (fields joined by '|').
struct MysqlExpectation {
  std::string query;
  std::string output;
};

// One convergence case.
struct MysqlConvergenceCase {
  std::string name;
  std::string from;  // DDL of the starting schema
  std::string to;    // DDL of the target schema
  std::string seed;  // INSERTs run on `from` before the upgrade
  // Adds renamed_from hints to the introspected target (introspection cannot know them).
  std::function<void(Catalog*)> hints;
  std::vector<MysqlExpectation> after_upgrade;
};

inline std::ostream& operator<<(std::ostream& os, const MysqlConvergenceCase& c) {
  return os << c.name;
}

inline constexpr char kShop[] = R"sql(
CREATE TABLE customers (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  name VARCHAR(50),
  status ENUM('active','blocked') NOT NULL DEFAULT 'active',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE orders (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id BIGINT NOT NULL,
  total DECIMAL(10,2) NOT NULL DEFAULT 0,
  note TEXT,
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
)sql";

inline constexpr char kShopSeed[] = R"sql(
INSERT INTO customers (id, email, name) VALUES (1, 'ann@example.com', 'Ann'), (2, 'bob@example.com', NULL);
INSERT INTO orders (id, customer_id, total, note) VALUES (10, 1, 12.50, 'first'), (11, 2, 3.00, NULL);
)sql";

// kShop with `customers` replaced.
inline std::string WithCustomers(const std::string& customers) {
  return absl::StrCat(customers, R"sql(
CREATE TABLE orders (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id BIGINT NOT NULL,
  total DECIMAL(10,2) NOT NULL DEFAULT 0,
  note TEXT,
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
);
)sql");
}

// kShop with `orders` replaced.
inline std::string WithOrders(const std::string& orders) {
  return absl::StrCat(R"sql(
CREATE TABLE customers (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  name VARCHAR(50),
  status ENUM('active','blocked') NOT NULL DEFAULT 'active',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
)sql",
                      orders);
}

inline void RenameColumnHint(Catalog* catalog, const std::string& table, const std::string& column,
                             const std::string& from) {
  Table* t = FindTable(*catalog, "", table);
  ASSERT_NE(t, nullptr) << table;
  Column* c = FindColumn(*t, column);
  ASSERT_NE(c, nullptr) << table << "." << column;
  c->renamed_from = {from};
}

inline std::vector<MysqlConvergenceCase> MysqlConvergenceCases() {
  std::vector<MysqlConvergenceCase> cases;
  cases.push_back({"NoChange", kShop, kShop, kShopSeed, nullptr, {}});
  cases.push_back({"AddAndDropColumns",
                   kShop,
                   WithCustomers(R"sql(
CREATE TABLE customers (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  status ENUM('active','blocked') NOT NULL DEFAULT 'active',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  phone VARCHAR(20) NOT NULL DEFAULT '',
  score INT UNSIGNED DEFAULT 7 COMMENT 'loyalty',
  bio TEXT NOT NULL DEFAULT ('n/a')
);)sql"),
                   kShopSeed,
                   nullptr,
                   {{"SELECT id, email, phone, score, bio FROM customers ORDER BY id",
                     "1|ann@example.com||7|n/a\n2|bob@example.com||7|n/a"}}});
  // A MODIFY must restate everything: changing one attribute keeps all the others.
  cases.push_back({"AlterColumnKeepsAttributes",
                   R"sql(
CREATE TABLE items (
  id INT NOT NULL PRIMARY KEY,
  code VARCHAR(20) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL DEFAULT 'x' COMMENT 'the code',
  updated DATETIME(3) NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  qty SMALLINT NOT NULL DEFAULT 1,
  price DECIMAL(8,2)
);)sql",
                   R"sql(
CREATE TABLE items (
  id INT NOT NULL PRIMARY KEY,
  code VARCHAR(40) CHARACTER SET latin1 COLLATE latin1_bin NOT NULL DEFAULT 'x' COMMENT 'the code',
  updated DATETIME(3) NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3) COMMENT 'touched',
  qty INT NOT NULL DEFAULT 5,
  price DECIMAL(12,3) NOT NULL DEFAULT 0
);)sql",
                   "INSERT INTO items (id, code, qty, price) VALUES (1, 'abc', 3, 9.99);",
                   nullptr,
                   {{"SELECT id, code, qty, price FROM items", "1|abc|3|9.990"}}});
  cases.push_back(
      {"EnumValues",
       R"sql(CREATE TABLE t (id INT PRIMARY KEY, s ENUM('a','b','c') NOT NULL DEFAULT 'a');)sql",
       R"sql(CREATE TABLE t (id INT PRIMARY KEY, s ENUM('a','b','d','it''s') NOT NULL DEFAULT 'b');)sql",
       "INSERT INTO t VALUES (1, 'a'), (2, 'b');",
       nullptr,
       {{"SELECT id, s FROM t ORDER BY id", "1|a\n2|b"}}});
  cases.push_back({"IndexesAndUniques",
                   kShop,
                   WithCustomers(R"sql(
CREATE TABLE customers (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  name VARCHAR(50),
  status ENUM('active','blocked') NOT NULL DEFAULT 'active',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  UNIQUE KEY uq_customers_email (email),
  KEY ix_customers_name_prefix (name(10), created_at DESC),
  FULLTEXT KEY ft_customers_name (name)
);)sql"),
                   kShopSeed,
                   nullptr,
                   {{"SELECT COUNT(*) FROM customers", "2"}}});
  // The index InnoDB made for fk_orders_customer goes away when an index that can serve the key
  // is created, and must come back when that index is dropped again (the downgrade).
  cases.push_back({"IndexServingForeignKey",
                   kShop,
                   WithOrders(R"sql(
CREATE TABLE orders (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  customer_id BIGINT NOT NULL,
  total DECIMAL(10,2) NOT NULL DEFAULT 0,
  note TEXT,
  CONSTRAINT fk_orders_customer FOREIGN KEY (customer_id) REFERENCES customers (id),
  KEY ix_orders_customer_total (customer_id, total)
);)sql"),
                   kShopSeed,
                   nullptr,
                   {}});
  cases.push_back({"ForeignKeysAddDropChange",
                   R"sql(
CREATE TABLE a (id INT PRIMARY KEY, code INT NOT NULL, UNIQUE KEY uq_a_code (code));
CREATE TABLE b (id INT PRIMARY KEY, a_id INT, a_code INT,
  CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id));
)sql",
                   R"sql(
CREATE TABLE a (id INT PRIMARY KEY, code INT NOT NULL, UNIQUE KEY uq_a_code (code));
CREATE TABLE b (id INT PRIMARY KEY, a_id INT, a_code INT,
  CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE,
  CONSTRAINT fk_b_a_code FOREIGN KEY (a_code) REFERENCES a (code) ON UPDATE CASCADE);
)sql",
                   "INSERT INTO a VALUES (1, 100); INSERT INTO b VALUES (5, 1, 100);",
                   nullptr,
                   {{"SELECT id, a_id, a_code FROM b", "5|1|100"}}});
  // MySQL refuses to change the type of a column a foreign key uses, on either side.
  cases.push_back({"ForeignKeyColumnsWiden",
                   R"sql(
CREATE TABLE p (id INT NOT NULL PRIMARY KEY, code VARCHAR(10) NOT NULL, UNIQUE KEY uq_p_code (code));
CREATE TABLE c (id INT PRIMARY KEY, p_id INT, p_code VARCHAR(10),
  CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE,
  CONSTRAINT fk_c_code FOREIGN KEY (p_code) REFERENCES p (code));
)sql",
                   R"sql(
CREATE TABLE p (id BIGINT NOT NULL PRIMARY KEY, code VARCHAR(20) NOT NULL, UNIQUE KEY uq_p_code (code));
CREATE TABLE c (id INT PRIMARY KEY, p_id BIGINT, p_code VARCHAR(20),
  CONSTRAINT fk_c_p FOREIGN KEY (p_id) REFERENCES p (id) ON DELETE CASCADE,
  CONSTRAINT fk_c_code FOREIGN KEY (p_code) REFERENCES p (code));
)sql",
                   "INSERT INTO p VALUES (1, 'a'); INSERT INTO c VALUES (7, 1, 'a');",
                   nullptr,
                   {{"SELECT id, p_id, p_code FROM c", "7|1|a"}}});
  cases.push_back(
      {"ChecksAndComments",
       R"sql(CREATE TABLE t (id INT PRIMARY KEY, qty INT, CONSTRAINT ck_t_qty CHECK (qty > 0)) COMMENT 'old';)sql",
       R"sql(CREATE TABLE t (id INT PRIMARY KEY, qty INT COMMENT 'it''s \\ "q"',
  CONSTRAINT ck_t_qty CHECK (qty >= 0 AND qty < 1000), CONSTRAINT ck_t_id CHECK (id <> 0))
  COMMENT 'new ''comment''';)sql",
       "INSERT INTO t VALUES (1, 5);",
       nullptr,
       {{"SELECT id, qty FROM t", "1|5"}}});
  cases.push_back(
      {"RenameColumnAndTable",
       R"sql(CREATE TABLE people (id INT PRIMARY KEY, fullname VARCHAR(40) NOT NULL DEFAULT '', KEY ix_people_fullname (fullname));)sql",
       R"sql(CREATE TABLE people (id INT PRIMARY KEY, display_name VARCHAR(40) NOT NULL DEFAULT '', KEY ix_people_display_name (display_name));)sql",
       "INSERT INTO people VALUES (1, 'Ann Smith');",
       [](Catalog* c) { RenameColumnHint(c, "people", "display_name", "fullname"); },
       {{"SELECT id, display_name FROM people", "1|Ann Smith"}}});
  // MariaDB and MySQL rewrite CHECKs and generated columns that use a renamed column.
  cases.push_back({"RenameColumnUsedByExpressions",
                   R"sql(CREATE TABLE prices (id INT PRIMARY KEY, amount INT NOT NULL,
  CONSTRAINT ck_prices_amount CHECK (amount >= 0), total INT AS (amount * 2) VIRTUAL);)sql",
                   R"sql(CREATE TABLE prices (id INT PRIMARY KEY, net_amount INT NOT NULL,
  CONSTRAINT ck_prices_amount CHECK (net_amount >= 0), total INT AS (net_amount * 2) VIRTUAL);)sql",
                   "INSERT INTO prices (id, amount) VALUES (1, 3);",
                   [](Catalog* c) { RenameColumnHint(c, "prices", "net_amount", "amount"); },
                   {{"SELECT id, net_amount, total FROM prices", "1|3|6"}}});
  cases.push_back({"TypesJsonGeneratedAutoIncrement",
                   R"sql(CREATE TABLE ev (id INT NOT NULL PRIMARY KEY, payload TEXT, n INT);)sql",
                   R"sql(CREATE TABLE ev (
  id INT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  payload TEXT,
  n BIGINT,
  doc JSON,
  n2 BIGINT AS (n * 2) VIRTUAL,
  n3 BIGINT AS (n + 3) STORED,
  flag BOOLEAN NOT NULL DEFAULT TRUE,
  at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
  day DATE DEFAULT (CURRENT_DATE),
  raw VARBINARY(16),
  tags SET('x','y') DEFAULT 'x,y'
);)sql",
                   "INSERT INTO ev VALUES (1, 'p', 4);",
                   nullptr,
                   {{"SELECT id, payload, n, n2, n3, flag FROM ev", "1|p|4|8|7|1"}}});
  cases.push_back(
      {"CharsetsAndTableOptions",
       R"sql(CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10), b VARCHAR(10) CHARACTER SET latin1);)sql",
       R"sql(CREATE TABLE t (id INT PRIMARY KEY, a VARCHAR(10) COLLATE utf8mb4_bin, b VARCHAR(10)) ENGINE=MyISAM;
CREATE TABLE l (id INT PRIMARY KEY, s VARCHAR(10)) DEFAULT CHARSET=latin1 COLLATE=latin1_bin;)sql",
       "INSERT INTO t VALUES (1, 'x', 'y');",
       nullptr,
       {{"SELECT id, a, b FROM t", "1|x|y"}}});
  cases.push_back(
      {"PrimaryKeyChange",
       R"sql(CREATE TABLE m (a INT NOT NULL, b INT NOT NULL, c INT, PRIMARY KEY (a));)sql",
       R"sql(CREATE TABLE m (a INT NOT NULL, b INT NOT NULL, c INT, PRIMARY KEY (a, b));)sql",
       "INSERT INTO m VALUES (1, 2, 3);",
       nullptr,
       {{"SELECT a, b, c FROM m", "1|2|3"}}});
  cases.push_back({"CreateAndDropTables",
                   kShop,
                   R"sql(
CREATE TABLE customers (
  id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email VARCHAR(100) NOT NULL,
  name VARCHAR(50),
  status ENUM('active','blocked') NOT NULL DEFAULT 'active',
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE addresses (
  id BIGINT NOT NULL AUTO_INCREMENT,
  customer_id BIGINT NOT NULL,
  city VARCHAR(40) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_addresses_city (city),
  CONSTRAINT fk_addresses_customer FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE
) COMMENT 'where to ship';
)sql",
                   kShopSeed,
                   nullptr,
                   {{"SELECT COUNT(*) FROM customers", "2"}}});
  cases.push_back({"HostileNames",
                   "CREATE TABLE `we``ird; table` (`id` INT PRIMARY KEY, `select` VARCHAR(10), "
                   "`o'clock; --` INT, `ünïcødé` TEXT);",
                   "CREATE TABLE `we``ird; table` (`id` INT PRIMARY KEY, "
                   "`select` VARCHAR(40) NOT NULL DEFAULT 'it''s; DROP TABLE x; --', "
                   "`o'clock; --` INT COMMENT 'a\\nb */ -- c', `ünïcødé` TEXT, "
                   "`new\"col` INT, KEY `ix ``odd`` name` (`select`), "
                   "CONSTRAINT `ck ``x``` CHECK (`o'clock; --` > 0)) COMMENT '\\\\ ''; DROP';",
                   "INSERT INTO `we``ird; table` VALUES (1, 'sel', 5, 'é');",
                   nullptr,
                   {{"SELECT `id`, `select`, `ünïcødé` FROM `we``ird; table`", "1|sel|é"}}});
  return cases;
}

}  // namespace schemadiff::testing

#endif  // SCHEMADIFF_TESTS_INTEGRATION_MYSQL_PAIRS_H_
