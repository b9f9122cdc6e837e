// For tests on PostgreSQL: the server named by SHEGONG_TEST_POSTGRES (a libpq connection string,
// set by scripts/with-postgres), and statements run on it as its administrator (creating and
// dropping the schemas and databases tests use). Empty when the tests run on SQLite.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <stdlib.h>

#include <initializer_list>
#include <string>

namespace shegong::db {

inline std::string test_postgres_server() {
  const char* conninfo = getenv("SHEGONG_TEST_POSTGRES");
  return conninfo ? conninfo : "";
}

// Runs `statements` on `server`, one at a time and each on its own (CREATE DATABASE and DROP
// DATABASE refuse to run inside a transaction, which several statements sent together would be).
inline void postgres_admin(const std::string& server,
                           std::initializer_list<std::string> statements) {
  PGconn* conn = PQconnectdb(server.c_str());
  PQclear(PQexec(conn, "SET client_min_messages TO warning"));
  for (const std::string& sql : statements) {
    PGresult* res = PQexec(conn, sql.c_str());
    EXPECT_TRUE(PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK)
        << sql << ": " << PQerrorMessage(conn);
    PQclear(res);
  }
  PQfinish(conn);
}

// `server` (a postgresql:// URI) with its database replaced by `database`.
inline std::string with_database(const std::string& server, const std::string& database) {
  size_t host = server.find("://");
  if (host == std::string::npos) return server + " dbname=" + database;
  size_t path = server.find('/', host + 3);
  size_t query = server.find('?', host + 3);
  std::string base = server.substr(0, std::min(path, query));
  return base + "/" + database + (query == std::string::npos ? "" : server.substr(query));
}

}  // namespace shegong::db
