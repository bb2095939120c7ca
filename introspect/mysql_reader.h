// Reads the information_schema rows of one MySQL / MariaDB database with mysql-connector-c++:
// a fixed number of bulk queries whatever the number of tables, in read-only transactions.
#ifndef SCHEMADIFF_INTROSPECT_MYSQL_READER_H_
#define SCHEMADIFF_INTROSPECT_MYSQL_READER_H_

#include "absl/status/statusor.h"
#include "introspect/mysql_rows.h"
#include "introspect/source.h"

namespace schemadiff {

// Connects to `url` (TCP host:port, or the socket given as ?unix_socket=PATH) and reads the
// database's catalog rows, over two connections in parallel. Connector exceptions end here: errors
// come back as one line naming the server and the database, never the password.
absl::StatusOr<MysqlCatalogRows> ReadMysqlCatalogRows(const DatabaseUrl& url);

}  // namespace schemadiff

#endif  // SCHEMADIFF_INTROSPECT_MYSQL_READER_H_
