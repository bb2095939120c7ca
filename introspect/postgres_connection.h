// Connection parameters and error messages for PostgreSQL sources.
#ifndef SCHEMADIFF_INTROSPECT_POSTGRES_CONNECTION_H_
#define SCHEMADIFF_INTROSPECT_POSTGRES_CONNECTION_H_

#include <string>
#include <string_view>

#include "introspect/source.h"

namespace schemadiff {

// A libpq keyword/value connection string for `url`: host, port, user, password, dbname, the
// libpq parameters of the URL's query string (sslmode, connect_timeout, host for a socket
// directory, ...), and defaults for connect_timeout and application_name.
std::string PostgresConnInfo(const DatabaseUrl& url);

// "postgresql://user@host:port/db" for messages: never the password.
std::string DescribePostgresUrl(const DatabaseUrl& url);

// A libpq/libpqxx error message as one line (newlines and indentation collapsed).
std::string OneLine(std::string_view message);

}  // namespace schemadiff

#endif  // SCHEMADIFF_INTROSPECT_POSTGRES_CONNECTION_H_
