// The PostgreSQL dialect: type spellings, defaults and expression canonicalization. The
// "server" spellings below are what PostgreSQL 15's format_type, pg_get_expr and
// pg_get_constraintdef print for the hand-written forms next to them.
#include <string>

#include "catalog/dialect.h"
#include "catalog/dialect_postgres.h"
#include "catalog/postgres_expr.h"
#include "gtest/gtest.h"
#include "tests/support/test_util.h"

namespace schemadiff {
namespace {

const Dialect& Pg() { return PostgresDialect(); }

DataType Parsed(std::string_view text) {
  absl::StatusOr<DataType> type = Pg().ParseType(text, /*allow_verbatim=*/true);
  EXPECT_TRUE(type.ok()) << text << ": " << type.status();
  return type.ok() ? Pg().NormalizeType(*type) : DataType();
}

TEST(PostgresDialectTest, NameAndLookup) {
  EXPECT_EQ(Pg().name(), "postgresql");
  for (const char* name : {"postgresql", "postgres", "PostgreSQL"}) {
    absl::StatusOr<const Dialect*> d = DialectByName(name);
    ASSERT_OK(d);
    EXPECT_EQ(*d, &Pg());
  }
  EXPECT_TRUE(Pg().capabilities().transactional_ddl);
  EXPECT_TRUE(Pg().capabilities().named_enum_types);
  EXPECT_EQ(Pg().capabilities().max_identifier_length, 63);
}

struct TypeCase {
  const char* spelling;  // as written or as format_type prints it
  const char* rendered;  // RenderType of the normalized type
};

TEST(PostgresDialectTest, TypeSpellingsRoundTrip) {
  const TypeCase cases[] = {
      {"integer", "integer"},
      {"int4", "integer"},
      {"INT", "integer"},
      {"serial", "integer"},
      {"bigint", "bigint"},
      {"int8", "bigint"},
      {"bigserial", "bigint"},
      {"smallint", "smallint"},
      {"int2", "smallint"},
      {"character varying(20)", "varchar(20)"},
      {"varchar(20)", "varchar(20)"},
      {"character varying", "varchar"},
      {"character(3)", "char(3)"},
      {"char", "char(1)"},
      {"bpchar(5)", "char(5)"},
      {"text", "text"},
      {"numeric(12,2)", "numeric(12,2)"},
      {"decimal(12, 2)", "numeric(12,2)"},
      {"numeric(10)", "numeric(10,0)"},
      {"numeric", "numeric"},
      {"real", "real"},
      {"float4", "real"},
      {"float(24)", "real"},
      {"float(25)", "double precision"},
      {"double precision", "double precision"},
      {"float8", "double precision"},
      {"boolean", "boolean"},
      {"bool", "boolean"},
      {"date", "date"},
      {"timestamp without time zone", "timestamp"},
      {"timestamp", "timestamp"},
      {"timestamp(6) without time zone", "timestamp"},
      {"timestamp(3) with time zone", "timestamp(3) with time zone"},
      {"timestamptz", "timestamp with time zone"},
      {"timestamptz(0)", "timestamp(0) with time zone"},
      {"time with time zone", "time with time zone"},
      {"timetz(2)", "time(2) with time zone"},
      {"interval", "interval"},
      {"uuid", "uuid"},
      {"json", "json"},
      {"jsonb", "jsonb"},
      {"bytea", "bytea"},
      {"integer[]", "integer[]"},
      {"int[][]", "integer[]"},
      {"integer ARRAY", "integer[]"},
      {"character varying(20)[]", "varchar(20)[]"},
      {"text[]", "text[]"},
      {"pg_catalog.int4", "integer"},
      {"citext", "citext"},
      {"public.citext", "citext"},
      {"geometry(Point,4326)", "geometry(point,4326)"},
      {"\"Mixed Case\"", "\"Mixed Case\""},
      {"\"char\"", "\"char\""},
      {"inet", "inet"},
      {"bit varying(8)", "bit varying(8)"},
      {"interval day to second", "interval day to second"},
      {"myschema.my_domain", "myschema.my_domain"},
      {"citext[]", "citext[]"},
  };
  for (const TypeCase& c : cases) {
    const DataType type = Parsed(c.spelling);
    EXPECT_EQ(Pg().RenderType(type), c.rendered) << c.spelling;
    // The rendered spelling reads back as the same type.
    EXPECT_EQ(Parsed(Pg().RenderType(type)), type) << c.spelling;
  }
}

TEST(PostgresDialectTest, EqualAndDifferentTypes) {
  EXPECT_EQ(Parsed("int4"), Parsed("integer"));
  EXPECT_EQ(Parsed("varchar(255)"), Parsed("character varying(255)"));
  EXPECT_EQ(Parsed("timestamptz"), Parsed("timestamp with time zone"));
  EXPECT_NE(Parsed("varchar(100)"), Parsed("varchar(200)"));
  EXPECT_NE(Parsed("integer"), Parsed("bigint"));
  EXPECT_NE(Parsed("timestamp"), Parsed("timestamptz"));
  EXPECT_NE(Parsed("json"), Parsed("jsonb"));
  EXPECT_NE(Parsed("numeric(12,2)"), Parsed("numeric(12,3)"));
  EXPECT_NE(Parsed("integer[]"), Parsed("integer"));
  EXPECT_NE(Parsed("char(3)"), Parsed("varchar(3)"));
}

TEST(PostgresDialectTest, NormalizesForeignKinds) {
  DataType tiny = MakeType(TypeKind::kTinyInt);
  tiny.display_width = 1;
  EXPECT_EQ(Pg().NormalizeType(tiny), MakeType(TypeKind::kSmallInt));
  DataType unsigned_int = MakeType(TypeKind::kInteger);
  unsigned_int.is_unsigned = true;
  EXPECT_EQ(Pg().NormalizeType(unsigned_int), MakeType(TypeKind::kInteger));
  DataType blob = MakeType(TypeKind::kBinary);
  blob.length = 16;
  EXPECT_EQ(Pg().RenderType(Pg().NormalizeType(blob)), "bytea");
  DataType status = MakeType(TypeKind::kEnum);
  status.enum_name = "order_status";
  status.enum_values = {"a", "b"};
  const DataType normalized = Pg().NormalizeType(status);
  EXPECT_TRUE(normalized.enum_values.empty());
  EXPECT_EQ(Pg().RenderType(normalized), "order_status");
  status.enum_name = "Order Status";
  EXPECT_EQ(Pg().RenderType(status), "\"Order Status\"");
  status.enum_name = "billing.state";
  EXPECT_EQ(Pg().RenderType(status), "billing.state");
}

TEST(PostgresDialectTest, RejectsBadTypes) {
  EXPECT_FALSE(Pg().ParseType("integer(11)", true).ok());
  EXPECT_FALSE(Pg().ParseType("varchar(abc)", true).ok());
  EXPECT_FALSE(Pg().ParseType("numeric(1,2,3)", true).ok());
  EXPECT_FALSE(Pg().ParseType("no_such_type", /*allow_verbatim=*/false).ok());
  EXPECT_FALSE(Pg().ParseType("varchar(10", true).ok());
  EXPECT_FALSE(Pg().ParseType("integer integer", true).ok());
}

struct DefaultCase {
  const char* sql;
  const char* type;
  DefaultKind kind;
  const char* text;
};

TEST(PostgresDialectTest, ParsesDefaults) {
  const DefaultCase cases[] = {
      {"'active'::character varying", "varchar(20)", DefaultKind::kString, "active"},
      {"'active'", "varchar(20)", DefaultKind::kString, "active"},
      {"'it''s'::text", "text", DefaultKind::kString, "it's"},
      {"E'a\\nb'", "text", DefaultKind::kString, "a\nb"},
      {"'{}'::jsonb", "jsonb", DefaultKind::kString, "{}"},
      {"'{}'::integer[]", "integer[]", DefaultKind::kString, "{}"},
      {"'pending'::order_status", "text", DefaultKind::kString, "pending"},
      {"'pending'::\"Order Status\"", "text", DefaultKind::kString, "pending"},
      {"0", "integer", DefaultKind::kNumber, "0"},
      {"'-1'::integer", "integer", DefaultKind::kNumber, "-1"},
      {"-1", "integer", DefaultKind::kNumber, "-1"},
      {"1.50", "numeric(12,2)", DefaultKind::kNumber, "1.5"},
      {"'-1.50'::numeric", "numeric", DefaultKind::kNumber, "-1.5"},
      {"'5'", "bigint", DefaultKind::kNumber, "5"},
      {"'3000000000'::bigint", "bigint", DefaultKind::kNumber, "3000000000"},
      {"false", "boolean", DefaultKind::kBoolean, "false"},
      {"TRUE", "boolean", DefaultKind::kBoolean, "true"},
      {"'t'", "boolean", DefaultKind::kBoolean, "true"},
      {"'off'::boolean", "boolean", DefaultKind::kBoolean, "false"},
      {"NULL::character varying", "varchar(5)", DefaultKind::kNull, ""},
      {"now()", "timestamp", DefaultKind::kCurrentTimestamp, ""},
      {"CURRENT_TIMESTAMP", "timestamp with time zone", DefaultKind::kCurrentTimestamp, ""},
      {"current_timestamp", "timestamp", DefaultKind::kCurrentTimestamp, ""},
      {"transaction_timestamp()", "timestamp", DefaultKind::kCurrentTimestamp, ""},
      {"LOCALTIMESTAMP", "timestamp", DefaultKind::kCurrentTimestamp, ""},
      {"now()::timestamp without time zone", "timestamp", DefaultKind::kCurrentTimestamp, ""},
      {"CURRENT_DATE", "date", DefaultKind::kCurrentDate, ""},
      {"CURRENT_TIME", "time", DefaultKind::kCurrentTime, ""},
      {"statement_timestamp()", "timestamp", DefaultKind::kExpression, "statement_timestamp()"},
      {"clock_timestamp()", "timestamp", DefaultKind::kExpression, "clock_timestamp()"},
      {"CURRENT_TIMESTAMP(3)", "timestamp", DefaultKind::kExpression, "CURRENT_TIMESTAMP(3)"},
      {"gen_random_uuid()", "uuid", DefaultKind::kExpression, "gen_random_uuid()"},
      {"(now() + '1 day'::interval)", "timestamp", DefaultKind::kExpression,
       "now() + '1 day'::interval"},
      {"nextval('orders_id_seq'::regclass)", "integer", DefaultKind::kExpression,
       "nextval('orders_id_seq'::regclass)"},
  };
  for (const DefaultCase& c : cases) {
    const DefaultExpr d = Pg().ParseDefault(c.sql, Parsed(c.type));
    EXPECT_EQ(d.kind, c.kind) << c.sql;
    EXPECT_EQ(d.text, c.text) << c.sql;
  }
}

TEST(PostgresDialectTest, DefaultsRoundTripThroughTheirRendering) {
  const DataType text = Parsed("text");
  const DataType numeric = Parsed("numeric(12,2)");
  const DefaultExpr values[] = {
      {DefaultKind::kString, "it's \"quoted\" \\ with\nnewline"},
      {DefaultKind::kNumber, "-3"},
      {DefaultKind::kBoolean, "true"},
      {DefaultKind::kCurrentTimestamp, ""},
      {DefaultKind::kExpression, "now() + '1 day'::interval"},
  };
  for (const DefaultExpr& v : values) {
    const DataType& type = v.kind == DefaultKind::kNumber ? numeric : text;
    EXPECT_EQ(Pg().ParseDefault(Pg().RenderDefault(v, type), type), v) << v.text;
  }
  EXPECT_EQ(Pg().RenderDefault({DefaultKind::kExpression, "now() + '1 day'::interval"}, text),
            "(now() + '1 day'::interval)");
  EXPECT_EQ(Pg().RenderDefault({DefaultKind::kExpression, "gen_random_uuid()"}, text),
            "gen_random_uuid()");
}

struct ExprCase {
  const char* written;  // what a user writes
  const char* server;   // what PostgreSQL 15 reports for it
};

TEST(PostgresDialectTest, HandWrittenExpressionsEqualServerOutput) {
  const ExprCase cases[] = {
      {"amount >= 0", "(amount >= (0)::numeric)"},
      {"amount >= 0", "CHECK ((amount >= 0::numeric))"},
      {"s in ('a','b')", "(s = ANY (ARRAY['a'::st, 'b'::st]))"},
      {"v IN ('a', 'b')",
       "((v)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"},
      {"n >= 0 and n between 1 and 10",
       "((n >= (0)::numeric) AND ((n >= (1)::numeric) AND (n <= (10)::numeric)))"},
      {"v like 'a%'", "((v)::text ~~ 'a%'::text)"},
      {"x > -1", "(x > '-1'::integer)"},
      {"s not in ('c')", "(s <> 'c'::st)"},
      {"s NOT IN ('c', 'd')", "(s <> ALL (ARRAY['c'::st, 'd'::st]))"},
      {"d > '2020-01-01'", "(d > '2020-01-01'::date)"},
      {"t && '{a}'", "(t && '{a}'::text[])"},
      {"length(v) > 0 or c = 'x'", "((length((v)::text) > 0) OR (c = 'x'::bpchar))"},
      {"ts > now() - interval '1 day'", "(ts > (now() - '1 day'::interval))"},
      {"x + 1 > 0 and n * 2 > 1.5", "(((x + 1) > 0) AND ((n * (2)::numeric) > 1.5))"},
      {"v::text is not null", "((v)::text IS NOT NULL)"},
      {"n in (1, 2.5)", "(n = ANY (ARRAY[(1)::numeric, 2.5]))"},
      {"lower(email)", "lower((email)::text)"},
      {"n + 1", "(n + 1::numeric)"},
      {"deleted_at IS NULL", "(deleted_at IS NULL)"},
      {"Status = 'a' AND \"email\" IS NOT NULL", "((status = 'a'::st) AND (email IS NOT NULL))"},
      {"price * qty", "(price * (qty)::numeric)"},
      {"a != b", "(a <> b)"},
      {"CAST(x AS text) = 'y'", "((x)::text = 'y'::text)"},
      {"coalesce(a, 0) > 0", "(COALESCE(a, 0) > 0)"},
      {"NOT (a AND b)", "(NOT (a AND b))"},
      {"(a and b) and c", "(a AND (b AND c))"},
      {"x between 1 and 5", "((x >= 1) AND (x <= 5))"},
      {"x not between 1 and 5", "((x < 1) OR (x > 5))"},
      {"name ilike 'A%'", "((name)::text ~~* 'A%'::text)"},
      {"extract(year from d) > 2000", "(EXTRACT(year FROM d) > (2000)::numeric)"},
      {"created_at < updated_at", "(created_at < updated_at)"},
      {"CASE WHEN a > 0 THEN 'p' ELSE 'n' END = 'p'",
       "(CASE WHEN (a > 0) THEN 'p'::text ELSE 'n'::text END = 'p'::text)"},
  };
  for (const ExprCase& c : cases) {
    std::string server = c.server;
    if (server.rfind("CHECK (", 0) == 0) server = server.substr(6);
    EXPECT_EQ(Pg().NormalizeExpression(c.written), Pg().NormalizeExpression(server))
        << c.written << "  vs  " << c.server;
  }
}

TEST(PostgresDialectTest, DifferentExpressionsStayDifferent) {
  const ExprCase cases[] = {
      {"amount >= 0", "amount > 0"},
      {"a - b", "b - a"},
      {"x / 2", "x / 2.0"},
      {"s IN ('a', 'b')", "s IN ('b', 'a')"},
      {"a AND (b OR c)", "(a AND b) OR c"},
      {"now() - interval '1 day'", "now() - interval '2 days'"},
      {"lower(email)", "upper(email)"},
      {"x::date > y", "x > y"},
      {"\"Name\" = 1", "name = 1"},
  };
  for (const ExprCase& c : cases) {
    EXPECT_NE(Pg().NormalizeExpression(c.written), Pg().NormalizeExpression(c.server))
        << c.written << "  vs  " << c.server;
  }
}

TEST(PostgresDialectTest, CanonicalTextIsReadableAndStable) {
  EXPECT_EQ(Pg().NormalizeExpression("(amount >= (0)::numeric)"), "amount >= 0");
  EXPECT_EQ(Pg().NormalizeExpression("((a > 0) AND ((b > 0) OR (c > 0)))"),
            "a > 0 AND (b > 0 OR c > 0)");
  EXPECT_EQ(Pg().NormalizeExpression("(s = ANY (ARRAY['a'::st, 'b'::st]))"), "s IN ('a', 'b')");
  EXPECT_EQ(Pg().NormalizeExpression("((a + b) * c)"), "(a + b) * c");
  EXPECT_EQ(Pg().NormalizeExpression("a - (b - c)"), "a - (b - c)");
  EXPECT_EQ(Pg().NormalizeExpression("\"select\" > 0"), "\"select\" > 0");
  EXPECT_EQ(Pg().NormalizeExpression("(name COLLATE \"C\") > 'a'"), "name COLLATE \"C\" > 'a'");
  // Canonical text canonicalizes to itself.
  for (const char* sql : {"x > -1", "ts > now() - '1 day'::interval", "-(-x) > 0",
                          "a IS NOT DISTINCT FROM b", "data ->> 'k' = 'v'", "arr[1] > 0",
                          "(x)::date > '2020-01-01'", "CASE x WHEN 1 THEN 2 END > 0"}) {
    const std::string once = Pg().NormalizeExpression(sql);
    EXPECT_EQ(Pg().NormalizeExpression(once), once) << sql;
  }
  // Text the parser does not understand is still canonicalized deterministically.
  EXPECT_EQ(Pg().NormalizeExpression("substring(x FROM 1 FOR 2) = 'ab'"),
            Pg().NormalizeExpression("SUBSTRING(x  FROM 1 FOR 2) = 'ab'"));
}

TEST(PostgresDialectTest, QuotesIdentifiersAndStrings) {
  EXPECT_EQ(Pg().QuoteIdentifier("orders"), "orders");
  EXPECT_EQ(Pg().QuoteIdentifier("Orders"), "\"Orders\"");
  EXPECT_EQ(Pg().QuoteIdentifier("user"), "\"user\"");
  EXPECT_EQ(Pg().QuoteIdentifier("order"), "\"order\"");
  EXPECT_EQ(Pg().QuoteIdentifier("left"), "\"left\"");
  EXPECT_EQ(Pg().QuoteIdentifier("name"), "name");  // unreserved keyword
  EXPECT_EQ(Pg().QuoteIdentifier("a\"b"), "\"a\"\"b\"");
  EXPECT_EQ(Pg().QuoteIdentifier("with space"), "\"with space\"");
  EXPECT_EQ(Pg().QuoteIdentifier("1abc"), "\"1abc\"");
  EXPECT_EQ(Pg().QuoteIdentifier(""), "\"\"");
  EXPECT_EQ(Pg().QuoteString("it's"), "'it''s'");
  EXPECT_EQ(Pg().QuoteString("a\\b"), "'a\\b'");
  EXPECT_EQ(Pg().QuoteString("a\nb\\"), "E'a\\nb\\\\'");
}

TEST(PostgresDialectTest, TableStructureAsPostgresStoresIt) {
  Table t;
  t.name = "t";
  Column id;
  id.name = "id";
  id.type = MakeType(TypeKind::kInteger);
  Column serial = id;
  serial.name = "n";
  serial.autoincrement = true;
  Column note;
  note.name = "note";
  note.type = MakeType(TypeKind::kText);
  note.server_default = DefaultExpr{DefaultKind::kNull, ""};
  note.charset = "utf8mb4";
  note.on_update = "CURRENT_TIMESTAMP";
  t.columns = {id, serial, note};
  t.primary_key = PrimaryKey{"", NameOrigin::kExplicit, {"id"}};
  t.options = {{"engine", "InnoDB"}};
  Pg().NormalizeTableStructure(&t);
  EXPECT_FALSE(t.columns[0].nullable);  // primary key
  EXPECT_FALSE(t.columns[1].nullable);  // serial
  EXPECT_TRUE(t.columns[2].nullable);
  EXPECT_FALSE(t.columns[2].server_default.has_value());  // DEFAULT NULL is no default
  EXPECT_EQ(t.columns[2].charset, "");
  EXPECT_EQ(t.columns[2].on_update, "");
  EXPECT_TRUE(t.options.empty());
}

TEST(PostgresDialectTest, CanonicalNumbers) {
  EXPECT_EQ(CanonicalPostgresNumber("1.50"), "1.5");
  EXPECT_EQ(CanonicalPostgresNumber("+007"), "7");
  EXPECT_EQ(CanonicalPostgresNumber("-0.0"), "0");
  EXPECT_EQ(CanonicalPostgresNumber(".5"), "0.5");
  EXPECT_EQ(CanonicalPostgresNumber("10"), "10");
  EXPECT_EQ(CanonicalPostgresNumber("1e3"), "1e3");
}

}  // namespace
}  // namespace schemadiff
