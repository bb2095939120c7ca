// The only file that talks to mysql-connector-c++. information_schema views are read one bulk
// query each (joins between them are slow in MariaDB: the builder joins on the client), filtered
// by a literal schema name so that the server opens only that database's tables, on two
// connections at once that take the queries in turn, each in a read-only transaction.
#include "introspect/mysql_reader.h"

#include <cppconn/connection.h>
#include <cppconn/exception.h>
#include <cppconn/resultset.h>
#include <cppconn/statement.h>
#include <mysql_driver.h>

#include <atomic>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "catalog/mysql_lexer.h"

namespace schemadiff {
namespace {

// A result row with typed getters (1-based columns, as JDBC has them). The connector reads
// SQL NULL as "" or 0 and tells it apart afterwards (wasNull), which spares a second lookup of
// every value.
class Row {
 public:
  explicit Row(const sql::ResultSet& rs) : rs_(rs) {}
  std::string Str(uint32_t column) const { return rs_.getString(column).asStdString(); }
  std::optional<std::string> OptStr(uint32_t column) const {
    const sql::SQLString value = rs_.getString(column);
    if (rs_.wasNull()) return std::nullopt;
    return value.asStdString();
  }
  int Int(uint32_t column) const { return rs_.getInt(column); }
  std::optional<int> OptInt(uint32_t column) const {
    const int value = rs_.getInt(column);
    if (rs_.wasNull()) return std::nullopt;
    return value;
  }

 private:
  const sql::ResultSet& rs_;
};

// Runs `query` and hands each row to `on_row`. Rows are streamed from the server, not buffered
// whole first: the columns of 10,000 tables would otherwise sit in memory twice.
void ForEachRow(sql::Connection& connection, const std::string& query,
                const std::function<void(const Row&)>& on_row) {
  std::unique_ptr<sql::Statement> statement(connection.createStatement());
  statement->setResultSetType(sql::ResultSet::TYPE_FORWARD_ONLY);
  std::unique_ptr<sql::ResultSet> rs(statement->executeQuery(query));
  const Row row(*rs);
  while (rs->next()) on_row(row);
}

// Runs a statement that returns no rows.
void Execute(sql::Connection& connection, const std::string& sql) {
  std::unique_ptr<sql::Statement> statement(connection.createStatement());
  statement->execute(sql);
}

// True when `version` ("8.0.36", "10.11.6-MariaDB-...") is at least major.minor.patch.
bool VersionAtLeast(const std::string& version, int major, int minor, int patch) {
  std::vector<int> parts;
  for (absl::string_view part : absl::StrSplit(version.substr(0, version.find('-')), '.')) {
    int value = 0;
    if (!absl::SimpleAtoi(part, &value)) break;
    parts.push_back(value);
  }
  parts.resize(3, 0);
  return std::tie(parts[0], parts[1], parts[2]) >= std::tie(major, minor, patch);
}

// The connector's options for `url`.
sql::ConnectOptionsMap ConnectOptions(const DatabaseUrl& url, std::string* where) {
  sql::ConnectOptionsMap options;
  std::string socket;
  std::string charset = "utf8mb4";
  for (const auto& [key, value] : url.query) {
    if (key == "unix_socket") socket = value;
    if (key == "charset") charset = value;
  }
  if (!socket.empty()) {
    options["hostName"] = std::string("unix://") + socket;
    *where = socket;
  } else {
    const std::string host = url.host.empty() ? "localhost" : url.host;
    const int port = url.port == 0 ? 3306 : url.port;
    options["hostName"] = absl::StrCat("tcp://", host, ":", port);
    *where = absl::StrCat(host, ":", port);
  }
  options["userName"] = url.user;
  options["password"] = url.password;
  options["schema"] = url.database;
  options["OPT_CONNECT_TIMEOUT"] = 10;
  options["OPT_CHARSET_NAME"] = charset;
  return options;
}

// What the server is and which catalog views it has.
struct ServerFeatures {
  std::string schema;  // the database name as a SQL string literal
  bool mariadb = false;
  bool functional_indexes = false;  // STATISTICS.EXPRESSION (MySQL 8.0.13)
  bool mysql_checks = false;        // CHECK_CONSTRAINTS without TABLE_NAME (MySQL 8.0.16)
};

// Reads the server's version and the database's defaults.
ServerFeatures ReadServerInfo(sql::Connection& connection, MysqlServerInfo* server) {
  ForEachRow(connection,
             "SELECT VERSION(), DATABASE(), @@collation_database, @@default_storage_engine",
             [&](const Row& r) {
               server->version = r.Str(1);
               server->database = r.Str(2);
               server->default_collation = r.Str(3);
               server->default_engine = r.Str(4);
             });
  ServerFeatures features;
  features.schema = QuoteMysqlString(server->database);
  features.mariadb = absl::StrContains(absl::AsciiStrToLower(server->version), "mariadb");
  features.functional_indexes = !features.mariadb && VersionAtLeast(server->version, 8, 0, 13);
  features.mysql_checks = !features.mariadb && VersionAtLeast(server->version, 8, 0, 16);
  return features;
}

// One bulk read: runs its query on the connection it is given and stores the rows in its own
// part of the result. Throws the connector's exceptions.
using CatalogRead = std::function<void(sql::Connection&)>;

// The reads of one database, most expensive first (the order the server takes longest on):
// two connections take them from the front in turn, so they finish close together.
std::vector<CatalogRead> CatalogReads(const ServerFeatures& features, MysqlCatalogRows* rows) {
  const std::string& schema = features.schema;
  std::vector<CatalogRead> reads;
  reads.push_back([&schema, rows](sql::Connection& connection) {
    ForEachRow(connection,
               absl::StrCat("SELECT TABLE_NAME, COLUMN_NAME, ORDINAL_POSITION, COLUMN_TYPE, "
                            "IS_NULLABLE, COLUMN_DEFAULT, EXTRA, CHARACTER_SET_NAME, "
                            "COLLATION_NAME, GENERATION_EXPRESSION, COLUMN_COMMENT "
                            "FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ",
                            schema),
               [&](const Row& r) {
                 MysqlColumnRow c;
                 c.table = r.Str(1);
                 c.name = r.Str(2);
                 c.position = r.Int(3);
                 c.column_type = r.Str(4);
                 c.nullable = r.Str(5) == "YES";
                 c.column_default = r.OptStr(6);
                 c.extra = r.Str(7);
                 c.charset = r.Str(8);
                 c.collation = r.Str(9);
                 c.generation_expression = r.Str(10);
                 c.comment = r.Str(11);
                 rows->columns.push_back(std::move(c));
               });
  });
  reads.push_back([&features, rows](sql::Connection& connection) {
    ForEachRow(
        connection,
        absl::StrCat("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME, "
                     "SUB_PART, INDEX_TYPE, COLLATION, ",
                     features.functional_indexes ? "EXPRESSION" : "NULL",
                     " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ", features.schema),
        [&](const Row& r) {
          MysqlIndexRow ix;
          ix.table = r.Str(1);
          ix.name = r.Str(2);
          ix.unique = r.Int(3) == 0;
          ix.seq = r.Int(4);
          ix.column = r.Str(5);
          ix.sub_part = r.OptInt(6);
          ix.index_type = r.Str(7);
          ix.descending = r.Str(8) == "D";
          ix.expression = r.Str(9);
          rows->indexes.push_back(std::move(ix));
        });
  });
  reads.push_back([&schema, rows](sql::Connection& connection) {
    ForEachRow(connection,
               absl::StrCat("SELECT TABLE_NAME, ENGINE, TABLE_COLLATION, TABLE_COMMENT "
                            "FROM information_schema.TABLES WHERE TABLE_SCHEMA = ",
                            schema, " AND TABLE_TYPE IN ('BASE TABLE', 'SYSTEM VERSIONED')"),
               [&](const Row& r) {
                 rows->tables.push_back({r.Str(1), r.Str(2), r.Str(3), r.Str(4)});
               });
  });
  reads.push_back([&schema, rows](sql::Connection& connection) {
    ForEachRow(connection,
               absl::StrCat("SELECT TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION, COLUMN_NAME, "
                            "REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, "
                            "REFERENCED_COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE "
                            "WHERE TABLE_SCHEMA = ",
                            schema, " AND REFERENCED_TABLE_NAME IS NOT NULL"),
               [&](const Row& r) {
                 rows->foreign_key_columns.push_back(
                     {r.Str(1), r.Str(2), r.Int(3), r.Str(4), r.Str(5), r.Str(6), r.Str(7)});
               });
  });
  reads.push_back([&schema, rows](sql::Connection& connection) {
    ForEachRow(connection,
               absl::StrCat("SELECT TABLE_NAME, CONSTRAINT_NAME, UPDATE_RULE, DELETE_RULE "
                            "FROM information_schema.REFERENTIAL_CONSTRAINTS "
                            "WHERE CONSTRAINT_SCHEMA = ",
                            schema),
               [&](const Row& r) {
                 rows->foreign_key_rules.push_back({r.Str(1), r.Str(2), r.Str(3), r.Str(4)});
               });
  });
  if (features.mariadb) {
    reads.push_back([&schema, rows](sql::Connection& connection) {
      ForEachRow(connection,
                 absl::StrCat("SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, LEVEL "
                              "FROM information_schema.CHECK_CONSTRAINTS "
                              "WHERE CONSTRAINT_SCHEMA = ",
                              schema),
                 [&](const Row& r) {
                   rows->checks.push_back({r.Str(1), r.Str(2), r.Str(3), r.Str(4) == "Column"});
                 });
    });
  } else if (features.mysql_checks) {
    reads.push_back([&schema, rows](sql::Connection& connection) {
      // MySQL's CHECK_CONSTRAINTS has no table name; check names are unique per schema.
      std::vector<MysqlCheckRow> owners;
      ForEachRow(connection,
                 absl::StrCat("SELECT TABLE_NAME, CONSTRAINT_NAME "
                              "FROM information_schema.TABLE_CONSTRAINTS "
                              "WHERE CONSTRAINT_SCHEMA = ",
                              schema, " AND CONSTRAINT_TYPE = 'CHECK'"),
                 [&](const Row& r) {
                   owners.push_back({r.Str(1), r.Str(2), "", false});
                 });
      std::map<std::string, std::string> clauses;
      ForEachRow(connection,
                 absl::StrCat("SELECT CONSTRAINT_NAME, CHECK_CLAUSE "
                              "FROM information_schema.CHECK_CONSTRAINTS "
                              "WHERE CONSTRAINT_SCHEMA = ",
                              schema),
                 [&](const Row& r) { clauses[r.Str(1)] = r.Str(2); });
      for (MysqlCheckRow& owner : owners) {
        owner.clause = clauses[owner.name];
        rows->checks.push_back(std::move(owner));
      }
    });
  }
  reads.push_back([rows](sql::Connection& connection) {
    ForEachRow(connection,
               "SELECT COLLATION_NAME, CHARACTER_SET_NAME, IS_DEFAULT "
               "FROM information_schema.COLLATIONS",
               [&](const Row& r) {
                 rows->collations.push_back({r.Str(1), r.Str(2), r.Str(3) == "Yes"});
               });
  });
  return reads;
}

// Takes reads from the front of `reads` (`next` is the first one not taken) until none are left,
// in one read-only transaction on `connection`.
void TakeReads(sql::Connection& connection, const std::vector<CatalogRead>& reads,
               std::atomic<size_t>& next) {
  Execute(connection, "START TRANSACTION READ ONLY");
  for (size_t i = next++; i < reads.size(); i = next++) reads[i](connection);
  Execute(connection, "COMMIT");
}

// The connector's driver; its first call sets up the client library, which two threads must not
// do at once (two databases can be read side by side).
sql::mysql::MySQL_Driver* Driver() {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  return sql::mysql::get_mysql_driver_instance();
}

// Registers the calling thread with the client library for its lifetime.
class DriverThread {
 public:
  explicit DriverThread(sql::mysql::MySQL_Driver* driver) : driver_(driver) {
    driver_->threadInit();
  }
  ~DriverThread() { driver_->threadEnd(); }
  DriverThread(const DriverThread&) = delete;
  DriverThread& operator=(const DriverThread&) = delete;

 private:
  sql::mysql::MySQL_Driver* driver_;
};

}  // namespace

absl::StatusOr<MysqlCatalogRows> ReadMysqlCatalogRows(const DatabaseUrl& url) {
  if (url.database.empty()) {
    return absl::InvalidArgumentError(
        "the MySQL URL names no database (mysql://user:pass@host:port/DATABASE)");
  }
  std::string where;
  sql::ConnectOptionsMap options = ConnectOptions(url, &where);
  bool connected = false;
  try {
    sql::mysql::MySQL_Driver* driver = Driver();
    const DriverThread this_thread(driver);
    // The reads run on two connections at once: the server answers information_schema queries
    // one at a time per connection, and waiting for them is most of the work. Both connect
    // here, so that a refused second connection is reported as a connection error.
    std::unique_ptr<sql::Connection> connection(driver->connect(options));
    std::unique_ptr<sql::Connection> second(driver->connect(options));
    connected = true;
    MysqlCatalogRows rows;
    const ServerFeatures features = ReadServerInfo(*connection, &rows.server);
    const std::vector<CatalogRead> reads = CatalogReads(features, &rows);
    std::atomic<size_t> next = 0;
    std::future<void> other_reads = std::async(std::launch::async, [&] {
      const DriverThread other_thread(driver);
      TakeReads(*second, reads, next);
    });
    TakeReads(*connection, reads, next);
    other_reads.get();  // rethrows the other connection's exception here
    return rows;
  } catch (const sql::SQLException& e) {
    // The connector's messages name the user and host but never the password.
    if (!connected) {
      return absl::UnavailableError(absl::StrCat("cannot connect to MySQL at ", where, " as '",
                                                 url.user, "' (database '", url.database,
                                                 "'): ", e.what()));
    }
    return absl::InternalError(absl::StrCat("reading MySQL database '", url.database, "' at ",
                                            where, " failed: ", e.what()));
  } catch (const std::exception& e) {
    return absl::InternalError(
        absl::StrCat("MySQL database '", url.database, "' at ", where, ": ", e.what()));
  }
}

}  // namespace schemadiff
