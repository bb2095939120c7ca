#include "catalog/postgres_expr.h"

#include <cctype>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "catalog/postgres_lexer.h"
#include "catalog/postgres_types.h"
#include "catalog/sql_text.h"
#include "catalog/type.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace schemadiff {
namespace {

using Kind = PgExpr::Kind;

// Binding strength, weakest first (PostgreSQL's operator precedence table).
enum Prec {
  kPrecNone = 0,
  kPrecOr,
  kPrecAnd,
  kPrecNot,
  kPrecIs,
  kPrecCompare,
  kPrecLike,  // LIKE, IN, BETWEEN
  kPrecOther,
  kPrecAdd,
  kPrecMul,
  kPrecExp,
  kPrecAt,
  kPrecCollate,
  kPrecUnary,
  kPrecSubscript,
  kPrecCast,
  kPrecAtom,
};

bool IsComparison(std::string_view op) {
  return op == "=" || op == "<>" || op == "<" || op == ">" || op == "<=" || op == ">=";
}

int OperatorPrec(std::string_view op) {
  if (IsComparison(op)) return kPrecCompare;
  if (op == "+" || op == "-") return kPrecAdd;
  if (op == "*" || op == "/" || op == "%") return kPrecMul;
  if (op == "^") return kPrecExp;
  return kPrecOther;
}

PgExpr Node(Kind kind, std::string text = "") {
  PgExpr e;
  e.kind = kind;
  e.text = std::move(text);
  return e;
}

PgExpr Binary(std::string op, PgExpr left, PgExpr right) {
  PgExpr e = Node(Kind::kBinary, std::move(op));
  e.args.push_back(std::move(left));
  e.args.push_back(std::move(right));
  return e;
}

// left AND/OR right, flattening nested lists of the same operator.
PgExpr Junction(Kind kind, PgExpr left, PgExpr right) {
  PgExpr e = Node(kind);
  for (PgExpr* side : {&left, &right}) {
    if (side->kind == kind) {
      for (PgExpr& arg : side->args) e.args.push_back(std::move(arg));
    } else {
      e.args.push_back(std::move(*side));
    }
  }
  return e;
}

// SQL-standard functions without parentheses.
constexpr std::string_view kValueFunctions[] = {
    "current_date",   "current_time",    "current_timestamp", "localtime",
    "localtimestamp", "current_user",    "session_user",      "current_role",
    "user",           "current_catalog", "current_schema"};

bool IsValueFunction(std::string_view word) {
  for (std::string_view f : kValueFunctions) {
    if (f == word) return true;
  }
  return false;
}

// Functions whose names are keywords written without quotes.
bool IsKeywordFunction(std::string_view name) {
  return name == "coalesce" || name == "nullif" || name == "greatest" || name == "least";
}

// Recursive-descent parser over PostgreSQL tokens.
class Parser {
 public:
  explicit Parser(std::vector<PgToken> tokens) : t_(std::move(tokens)) {}

  absl::StatusOr<PgExpr> ParseAll() {
    ASSIGN_OR_RETURN(PgExpr e, Parse(kPrecNone));
    if (pos_ != t_.size()) return Error("unexpected text");
    return e;
  }

 private:
  absl::Status Error(std::string_view what) const {
    return absl::InvalidArgumentError(
        absl::StrCat(Absl(what), pos_ < t_.size() ? absl::StrCat(" at '", t_[pos_].value, "'")
                                                  : std::string(" at the end")));
  }
  const PgToken* Peek(size_t ahead = 0) const {
    return pos_ + ahead < t_.size() ? &t_[pos_ + ahead] : nullptr;
  }
  bool PeekWord(std::string_view w, size_t ahead = 0) const {
    const PgToken* t = Peek(ahead);
    return t != nullptr && t->IsWord(w);
  }
  bool PeekPunct(std::string_view p, size_t ahead = 0) const {
    const PgToken* t = Peek(ahead);
    return t != nullptr && t->IsPunct(p);
  }
  bool AcceptWord(std::string_view w) {
    if (!PeekWord(w)) return false;
    ++pos_;
    return true;
  }
  bool AcceptPunct(std::string_view p) {
    if (!PeekPunct(p)) return false;
    ++pos_;
    return true;
  }
  absl::Status ExpectWord(std::string_view w) {
    return AcceptWord(w) ? absl::OkStatus() : Error(absl::StrCat("expected ", Absl(w)));
  }
  absl::Status ExpectPunct(std::string_view p) {
    return AcceptPunct(p) ? absl::OkStatus() : Error(absl::StrCat("expected '", Absl(p), "'"));
  }

  absl::StatusOr<DataType> ParseType() {
    ASSIGN_OR_RETURN(DataType type, ParsePostgresTypeAt(t_, &pos_, /*allow_verbatim=*/true));
    return NormalizePostgresType(type);
  }

  // Expressions separated by commas up to (and consuming) `close`.
  absl::StatusOr<std::vector<PgExpr>> ParseList(std::string_view close) {
    std::vector<PgExpr> items;
    if (AcceptPunct(close)) return items;
    do {
      ASSIGN_OR_RETURN(PgExpr item, Parse(kPrecNone));
      items.push_back(std::move(item));
    } while (AcceptPunct(","));
    RETURN_IF_ERROR(ExpectPunct(close));
    return items;
  }

  absl::StatusOr<PgExpr> Parse(int min_prec) {
    ASSIGN_OR_RETURN(PgExpr left, ParsePrefix());
    while (const PgToken* tok = Peek()) {
      if (tok->IsPunct("::")) {
        if (kPrecCast < min_prec) break;
        ++pos_;
        PgExpr cast = Node(Kind::kCast);
        ASSIGN_OR_RETURN(cast.type, ParseType());
        cast.args.push_back(std::move(left));
        left = std::move(cast);
      } else if (tok->IsPunct("[")) {
        if (kPrecSubscript < min_prec) break;
        ++pos_;
        PgExpr sub = Node(Kind::kSubscript);
        sub.args.push_back(std::move(left));
        ASSIGN_OR_RETURN(PgExpr index, Parse(kPrecNone));
        sub.args.push_back(std::move(index));
        if (AcceptPunct(":")) {
          sub.slice = true;
          ASSIGN_OR_RETURN(PgExpr upper, Parse(kPrecNone));
          sub.args.push_back(std::move(upper));
        }
        RETURN_IF_ERROR(ExpectPunct("]"));
        left = std::move(sub);
      } else if (tok->IsWord("collate")) {
        if (kPrecCollate < min_prec) break;
        ++pos_;
        PgExpr collate = Node(Kind::kCollate);
        ASSIGN_OR_RETURN(collate.names, ParseName());
        collate.args.push_back(std::move(left));
        left = std::move(collate);
      } else if (tok->IsWord("at") && PeekWord("time", 1) && PeekWord("zone", 2)) {
        if (kPrecAt < min_prec) break;
        pos_ += 3;
        ASSIGN_OR_RETURN(PgExpr zone, Parse(kPrecAt + 1));
        left = Binary("AT TIME ZONE", std::move(left), std::move(zone));
      } else if (tok->kind == PgTokenKind::kOperator) {
        std::string op = tok->value == "!=" ? "<>" : tok->value;
        const int prec = OperatorPrec(op);
        if (prec < min_prec) break;
        ++pos_;
        if ((PeekWord("any") || PeekWord("some") || PeekWord("all")) && PeekPunct("(", 1)) {
          PgExpr quantified = Node(Kind::kAnyAll, std::move(op));
          quantified.names.push_back(PeekWord("all") ? "ALL" : "ANY");
          pos_ += 2;
          ASSIGN_OR_RETURN(PgExpr array, Parse(kPrecNone));
          RETURN_IF_ERROR(ExpectPunct(")"));
          quantified.args.push_back(std::move(left));
          quantified.args.push_back(std::move(array));
          left = std::move(quantified);
          continue;
        }
        ASSIGN_OR_RETURN(PgExpr right, Parse(prec + 1));
        left = Binary(std::move(op), std::move(left), std::move(right));
      } else if (tok->IsWord("and") || tok->IsWord("or")) {
        const bool is_and = tok->IsWord("and");
        const int prec = is_and ? kPrecAnd : kPrecOr;
        if (prec < min_prec) break;
        ++pos_;
        ASSIGN_OR_RETURN(PgExpr right, Parse(prec + 1));
        left = Junction(is_and ? Kind::kAnd : Kind::kOr, std::move(left), std::move(right));
      } else if (tok->IsWord("is") || tok->IsWord("isnull") || tok->IsWord("notnull")) {
        if (kPrecIs < min_prec) break;
        ASSIGN_OR_RETURN(left, ParseIs(std::move(left)));
      } else if (tok->IsWord("like") || tok->IsWord("ilike") || tok->IsWord("in") ||
                 tok->IsWord("between") ||
                 (tok->IsWord("not") && (PeekWord("like", 1) || PeekWord("ilike", 1) ||
                                         PeekWord("in", 1) || PeekWord("between", 1)))) {
        if (kPrecLike < min_prec) break;
        ASSIGN_OR_RETURN(left, ParseLikeInBetween(std::move(left)));
      } else {
        break;
      }
    }
    return left;
  }

  absl::StatusOr<PgExpr> ParseIs(PgExpr left) {
    PgExpr test = Node(Kind::kIsTest);
    if (AcceptWord("isnull")) {
      test.text = "NULL";
    } else if (AcceptWord("notnull")) {
      test.text = "NOT NULL";
    } else {
      ++pos_;  // IS
      const bool negated = AcceptWord("not");
      if (AcceptWord("distinct")) {
        RETURN_IF_ERROR(ExpectWord("from"));
        PgExpr distinct = Node(Kind::kDistinct);
        distinct.negated = negated;
        ASSIGN_OR_RETURN(PgExpr right, Parse(kPrecIs + 1));
        distinct.args.push_back(std::move(left));
        distinct.args.push_back(std::move(right));
        return distinct;
      }
      std::string what;
      for (std::string_view w : {"null", "true", "false", "unknown"}) {
        if (AcceptWord(w)) what = absl::AsciiStrToUpper(Absl(w));
      }
      if (what.empty()) return Error("unsupported IS test");
      test.text = negated ? absl::StrCat("NOT ", what) : what;
    }
    test.args.push_back(std::move(left));
    return test;
  }

  absl::StatusOr<PgExpr> ParseLikeInBetween(PgExpr left) {
    const bool negated = AcceptWord("not");
    const bool ilike = PeekWord("ilike");
    if (AcceptWord("like") || AcceptWord("ilike")) {
      ASSIGN_OR_RETURN(PgExpr pattern, Parse(kPrecLike + 1));
      if (PeekWord("escape")) return Error("LIKE ... ESCAPE is not supported");
      std::string op = absl::StrCat(negated ? "!" : "", "~~", ilike ? "*" : "");
      return Binary(std::move(op), std::move(left), std::move(pattern));
    }
    if (AcceptWord("in")) {
      RETURN_IF_ERROR(ExpectPunct("("));
      if (PeekWord("select") || PeekWord("values")) return Error("subqueries are not supported");
      PgExpr in = Node(Kind::kIn);
      in.negated = negated;
      in.args.push_back(std::move(left));
      ASSIGN_OR_RETURN(std::vector<PgExpr> items, ParseList(")"));
      if (items.empty()) return Error("empty IN list");
      for (PgExpr& item : items) in.args.push_back(std::move(item));
      return in;
    }
    RETURN_IF_ERROR(ExpectWord("between"));
    if (PeekWord("symmetric") || PeekWord("asymmetric")) {
      return Error("BETWEEN SYMMETRIC is not supported");
    }
    ASSIGN_OR_RETURN(PgExpr low, Parse(kPrecLike + 1));
    RETURN_IF_ERROR(ExpectWord("and"));
    ASSIGN_OR_RETURN(PgExpr high, Parse(kPrecLike + 1));
    PgExpr copy = left;
    if (negated) {
      return Junction(Kind::kOr, Binary("<", std::move(copy), std::move(low)),
                      Binary(">", std::move(left), std::move(high)));
    }
    return Junction(Kind::kAnd, Binary(">=", std::move(copy), std::move(low)),
                    Binary("<=", std::move(left), std::move(high)));
  }

  // A possibly qualified name at pos_.
  absl::StatusOr<std::vector<std::string>> ParseName() {
    const auto is_name = [](const PgToken* t) {
      return t != nullptr &&
             (t->kind == PgTokenKind::kWord || t->kind == PgTokenKind::kQuotedIdent);
    };
    if (!is_name(Peek())) return Error("expected a name");
    std::vector<std::string> names = {Peek()->value};
    ++pos_;
    while (PeekPunct(".") && is_name(Peek(1))) {
      names.push_back(Peek(1)->value);
      pos_ += 2;
    }
    return names;
  }

  absl::StatusOr<PgExpr> ParseArrayBody() {
    RETURN_IF_ERROR(ExpectPunct("["));
    PgExpr array = Node(Kind::kArray);
    if (AcceptPunct("]")) return array;
    do {
      if (PeekPunct("[")) {
        ASSIGN_OR_RETURN(PgExpr inner, ParseArrayBody());
        array.args.push_back(std::move(inner));
      } else {
        ASSIGN_OR_RETURN(PgExpr item, Parse(kPrecNone));
        array.args.push_back(std::move(item));
      }
    } while (AcceptPunct(","));
    RETURN_IF_ERROR(ExpectPunct("]"));
    return array;
  }

  absl::StatusOr<PgExpr> ParseCase() {
    PgExpr c = Node(Kind::kCase);
    if (!PeekWord("when")) {
      c.has_operand = true;
      ASSIGN_OR_RETURN(PgExpr operand, Parse(kPrecNone));
      c.args.push_back(std::move(operand));
    }
    while (AcceptWord("when")) {
      ASSIGN_OR_RETURN(PgExpr when, Parse(kPrecNone));
      RETURN_IF_ERROR(ExpectWord("then"));
      ASSIGN_OR_RETURN(PgExpr then, Parse(kPrecNone));
      c.args.push_back(std::move(when));
      c.args.push_back(std::move(then));
    }
    if (AcceptWord("else")) {
      c.has_else = true;
      ASSIGN_OR_RETURN(PgExpr otherwise, Parse(kPrecNone));
      c.args.push_back(std::move(otherwise));
    }
    RETURN_IF_ERROR(ExpectWord("end"));
    return c;
  }

  absl::StatusOr<PgExpr> ParseFunction(std::vector<std::string> names) {
    ++pos_;  // (
    PgExpr f = Node(Kind::kFunction);
    if (names.size() == 2 && names[0] == "pg_catalog") names.erase(names.begin());
    f.names = std::move(names);
    if (PeekWord("variadic")) return Error("VARIADIC is not supported");
    if (Peek() != nullptr && Peek()->IsOperator("*") && PeekPunct(")", 1)) {
      pos_ += 2;
      f.args.push_back(Node(Kind::kStar));
    } else {
      f.distinct = AcceptWord("distinct");
      AcceptWord("all");
      ASSIGN_OR_RETURN(f.args, ParseList(")"));
    }
    if (PeekWord("filter") || PeekWord("over") || PeekWord("within")) {
      return Error("window and aggregate clauses are not supported");
    }
    return f;
  }

  absl::StatusOr<PgExpr> ParseWord(const PgToken& tok) {
    const std::string& w = tok.value;
    if (w == "not") {
      PgExpr n = Node(Kind::kNot);
      ASSIGN_OR_RETURN(PgExpr operand, Parse(kPrecNot));
      n.args.push_back(std::move(operand));
      return n;
    }
    if (w == "true" || w == "false") return Node(Kind::kBoolean, w);
    if (w == "null") return Node(Kind::kNull);
    if (w == "case") return ParseCase();
    if (w == "cast") {
      RETURN_IF_ERROR(ExpectPunct("("));
      PgExpr cast = Node(Kind::kCast);
      ASSIGN_OR_RETURN(PgExpr operand, Parse(kPrecNone));
      cast.args.push_back(std::move(operand));
      RETURN_IF_ERROR(ExpectWord("as"));
      ASSIGN_OR_RETURN(cast.type, ParseType());
      RETURN_IF_ERROR(ExpectPunct(")"));
      return cast;
    }
    if (w == "array") return ParseArrayBody();
    if (w == "row") {
      RETURN_IF_ERROR(ExpectPunct("("));
      PgExpr row = Node(Kind::kRow);
      ASSIGN_OR_RETURN(row.args, ParseList(")"));
      return row;
    }
    if (w == "extract") {
      RETURN_IF_ERROR(ExpectPunct("("));
      const PgToken* field = Peek();
      if (field == nullptr ||
          (field->kind != PgTokenKind::kWord && field->kind != PgTokenKind::kString)) {
        return Error("expected an EXTRACT field");
      }
      PgExpr extract = Node(Kind::kExtract, absl::AsciiStrToLower(field->value));
      ++pos_;
      RETURN_IF_ERROR(ExpectWord("from"));
      ASSIGN_OR_RETURN(PgExpr source, Parse(kPrecNone));
      extract.args.push_back(std::move(source));
      RETURN_IF_ERROR(ExpectPunct(")"));
      return extract;
    }
    if (IsValueFunction(w)) {
      PgExpr f = Node(Kind::kValueFunction, absl::AsciiStrToUpper(w));
      if (w == "current_schema" && PeekPunct("(") && PeekPunct(")", 1)) {
        pos_ += 2;
      } else if (PeekPunct("(") && Peek(1) != nullptr && Peek(1)->kind == PgTokenKind::kNumber &&
                 PeekPunct(")", 2)) {
        f.args.push_back(Node(Kind::kNumber, Peek(1)->value));
        pos_ += 3;
      }
      return f;
    }
    if (w == "exists") return Error("subqueries are not supported");
    // A typed literal: type 'text' (interval '1 day', date '2020-01-01').
    const size_t start = pos_ - 1;
    size_t p = start;
    if (absl::StatusOr<DataType> type = ParsePostgresTypeAt(t_, &p, /*allow_verbatim=*/true);
        type.ok() && p < t_.size() && t_[p].kind == PgTokenKind::kString) {
      PgExpr cast = Node(Kind::kCast);
      cast.type = NormalizePostgresType(*type);
      cast.args.push_back(Node(Kind::kString, t_[p].value));
      pos_ = p + 1;
      return cast;
    }
    if (PostgresKeywordCategory(w) == PgKeyword::kReserved) {
      --pos_;
      return Error("unexpected keyword");
    }
    --pos_;
    return ParseColumnOrCall();
  }

  // A column reference or a function call, whose possibly qualified name starts at pos_.
  absl::StatusOr<PgExpr> ParseColumnOrCall() {
    ASSIGN_OR_RETURN(std::vector<std::string> names, ParseName());
    if (PeekPunct("(")) return ParseFunction(std::move(names));
    PgExpr column = Node(Kind::kColumn);
    column.names = std::move(names);
    return column;
  }

  absl::StatusOr<PgExpr> ParsePrefix() {
    const PgToken* tok = Peek();
    if (tok == nullptr) return Error("expected an expression");
    ++pos_;
    switch (tok->kind) {
      case PgTokenKind::kNumber:
        return Node(Kind::kNumber, tok->value);
      case PgTokenKind::kString:
        return Node(Kind::kString, tok->value);
      case PgTokenKind::kBitString:
        return Node(Kind::kBitString, tok->value);
      case PgTokenKind::kParam:
        return Node(Kind::kParam, tok->value);
      case PgTokenKind::kWord:
        return ParseWord(*tok);
      case PgTokenKind::kQuotedIdent:
        --pos_;
        return ParseColumnOrCall();
      case PgTokenKind::kOperator: {
        const std::string op = tok->value;
        const bool sign = op == "-" || op == "+";
        ASSIGN_OR_RETURN(PgExpr operand, Parse(sign ? kPrecUnary : kPrecOther));
        if (op == "+") return operand;
        if (op == "-" && operand.kind == Kind::kNumber && operand.text[0] != '-') {
          operand.text = absl::StrCat("-", operand.text);
          return operand;
        }
        PgExpr prefix = Node(Kind::kPrefix, op);
        prefix.args.push_back(std::move(operand));
        return prefix;
      }
      case PgTokenKind::kPunct:
        if (tok->value == "(") {
          if (PeekWord("select") || PeekWord("values")) {
            return Error("subqueries are not supported");
          }
          ASSIGN_OR_RETURN(PgExpr inner, Parse(kPrecNone));
          if (AcceptPunct(",")) {
            PgExpr row = Node(Kind::kRow);
            row.args.push_back(std::move(inner));
            ASSIGN_OR_RETURN(std::vector<PgExpr> rest, ParseList(")"));
            for (PgExpr& item : rest) row.args.push_back(std::move(item));
            return row;
          }
          RETURN_IF_ERROR(ExpectPunct(")"));
          return inner;
        }
        break;
    }
    --pos_;
    return Error("unexpected token");
  }

  std::vector<PgToken> t_;
  size_t pos_ = 0;
};

}  // namespace

bool IsPostgresDecimalLiteral(std::string_view text) {
  text = Std(absl::StripAsciiWhitespace(Absl(text)));
  if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.remove_prefix(1);
  bool digits = false, dot = false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

std::optional<bool> PostgresBooleanInput(std::string_view text) {
  const std::string v = absl::AsciiStrToLower(absl::StripAsciiWhitespace(Absl(text)));
  for (std::string_view t : {"t", "true", "y", "yes", "on", "1"}) {
    if (v == t) return true;
  }
  for (std::string_view f : {"f", "false", "n", "no", "off", "0"}) {
    if (v == f) return false;
  }
  return std::nullopt;
}

namespace {

// The scalar kind a cast target stands for, looking through arrays.
TypeKind ScalarKind(const DataType& type) {
  return type.kind == TypeKind::kArray && !type.element.empty() ? type.element[0].kind : type.kind;
}

// True for casts PostgreSQL inserts on a column to widen it for an operator: to text, to an
// unconstrained numeric, to bigint or double precision.
bool IsWideningCast(const DataType& type) {
  switch (type.kind) {
    case TypeKind::kText:
    case TypeKind::kBigInt:
    case TypeKind::kDouble:
      return true;
    case TypeKind::kVarchar:
      return !type.length;
    case TypeKind::kNumeric:
      return !type.precision;
    default:
      return false;
  }
}

// Replaces a cast node by its operand, or by the literal it denotes, when the cast is one
// PostgreSQL adds while resolving types. `compared`: the cast is an operand of a comparison,
// an IN list or a quantified comparison, where a bare literal takes the other side's type.
void StripCast(PgExpr& e, bool compared) {
  PgExpr& operand = e.args[0];
  const TypeKind kind = ScalarKind(e.type);
  const bool is_array = e.type.kind == TypeKind::kArray;
  bool strip = false;
  switch (operand.kind) {
    case Kind::kNumber:
      strip = compared || (!is_array && IsNumericKind(kind));
      break;
    case Kind::kString:
      if (!is_array && IsNumericKind(kind) && IsPostgresDecimalLiteral(operand.text)) {
        PgExpr number = Node(Kind::kNumber, std::string(absl::StripAsciiWhitespace(operand.text)));
        if (number.text[0] == '+') number.text.erase(0, 1);
        e = std::move(number);
        return;
      }
      if (!is_array && kind == TypeKind::kBoolean) {
        if (std::optional<bool> b = PostgresBooleanInput(operand.text)) {
          e = Node(Kind::kBoolean, *b ? "true" : "false");
          return;
        }
      }
      strip = compared || IsPostgresTextKind(kind);
      break;
    case Kind::kNull:
    case Kind::kBoolean:
      strip =
          compared || IsPostgresTextKind(kind) || IsNumericKind(kind) || kind == TypeKind::kBoolean;
      break;
    case Kind::kColumn:
      strip = !is_array && IsWideningCast(e.type);
      break;
    case Kind::kArray:
      strip = is_array && (IsPostgresTextKind(kind) || IsNumericKind(kind));
      break;
    default:
      break;
  }
  if (strip) e = std::move(operand);
}

// A one-element IN list is the comparison PostgreSQL makes of it.
void SimplifyIn(PgExpr& e) {
  if (e.args.size() == 2) {
    e = Binary(e.negated ? "<>" : "=", std::move(e.args[0]), std::move(e.args[1]));
  }
}

// Brings a parsed tree into canonical form, bottom-up.
void Canonicalize(PgExpr& e, bool compared) {
  const bool compare_children = (e.kind == Kind::kBinary && IsComparison(e.text)) ||
                                e.kind == Kind::kIn || e.kind == Kind::kAnyAll ||
                                e.kind == Kind::kDistinct || (e.kind == Kind::kArray && compared);
  for (PgExpr& arg : e.args) Canonicalize(arg, compare_children);
  switch (e.kind) {
    case Kind::kCast:
      StripCast(e, compared);
      break;
    case Kind::kAnyAll: {
      const bool any_eq = e.names[0] == "ANY" && e.text == "=";
      const bool all_ne = e.names[0] == "ALL" && e.text == "<>";
      if ((any_eq || all_ne) && e.args[1].kind == Kind::kArray && !e.args[1].args.empty()) {
        PgExpr in = Node(Kind::kIn);
        in.negated = all_ne;
        in.args.push_back(std::move(e.args[0]));
        for (PgExpr& item : e.args[1].args) in.args.push_back(std::move(item));
        e = std::move(in);
        SimplifyIn(e);
      }
      break;
    }
    case Kind::kIn:
      SimplifyIn(e);
      break;
    default:
      break;
  }
}

// The binding strength of a printed node.
int NodePrec(const PgExpr& e) {
  switch (e.kind) {
    case Kind::kOr:
      return kPrecOr;
    case Kind::kAnd:
      return kPrecAnd;
    case Kind::kNot:
      return kPrecNot;
    case Kind::kIsTest:
    case Kind::kDistinct:
      return kPrecIs;
    case Kind::kIn:
      return kPrecLike;
    case Kind::kAnyAll:
      return kPrecCompare;
    case Kind::kBinary:
      return e.text == "AT TIME ZONE" ? kPrecAt : OperatorPrec(e.text);
    case Kind::kCollate:
      return kPrecCollate;
    case Kind::kPrefix:
      return kPrecUnary;
    case Kind::kSubscript:
      return kPrecSubscript;
    case Kind::kCast:
      return kPrecCast;
    case Kind::kNumber:
      return e.text[0] == '-' ? kPrecUnary : kPrecAtom;
    default:
      return kPrecAtom;
  }
}

std::string Print(const PgExpr& e);

// `e` printed, in parentheses when it binds weaker than `min_prec`.
std::string PrintAt(const PgExpr& e, int min_prec) {
  std::string text = Print(e);
  return NodePrec(e) < min_prec ? absl::StrCat("(", text, ")") : text;
}

std::string PrintList(const std::vector<PgExpr>& items, size_t from = 0) {
  std::vector<std::string> parts;
  for (size_t i = from; i < items.size(); ++i) parts.push_back(Print(items[i]));
  return absl::StrJoin(parts, ", ");
}

std::string PrintName(const std::vector<std::string>& names) {
  std::vector<std::string> parts;
  for (const std::string& n : names) parts.push_back(QuotePostgresIdentifier(n));
  return absl::StrJoin(parts, ".");
}

std::string Print(const PgExpr& e) {
  switch (e.kind) {
    case Kind::kNumber:
    case Kind::kBitString:
    case Kind::kBoolean:
    case Kind::kParam:
      return e.text;
    case Kind::kString:
      return QuotePostgresString(e.text);
    case Kind::kNull:
      return "NULL";
    case Kind::kColumn:
      return PrintName(e.names);
    case Kind::kStar:
      return "*";
    case Kind::kFunction: {
      const std::string name = e.names.size() == 1 && IsKeywordFunction(e.names[0])
                                   ? absl::AsciiStrToUpper(e.names[0])
                                   : PrintName(e.names);
      return absl::StrCat(name, "(", e.distinct ? "DISTINCT " : "", PrintList(e.args), ")");
    }
    case Kind::kValueFunction:
      return e.args.empty() ? e.text : absl::StrCat(e.text, "(", e.args[0].text, ")");
    case Kind::kCast:
      return absl::StrCat(PrintAt(e.args[0], kPrecAtom), "::", RenderPostgresType(e.type));
    case Kind::kBinary: {
      const int prec = NodePrec(e);
      const bool nonassoc = prec == kPrecCompare;
      return absl::StrCat(PrintAt(e.args[0], nonassoc ? prec + 1 : prec), " ", e.text, " ",
                          PrintAt(e.args[1], prec + 1));
    }
    case Kind::kPrefix:
      return absl::StrCat(e.text, PrintAt(e.args[0], kPrecAtom));
    case Kind::kAnd:
    case Kind::kOr: {
      std::vector<std::string> parts;
      for (const PgExpr& arg : e.args) {
        // A nested AND/OR/NOT is always parenthesized for readability.
        const bool bracket = arg.kind == Kind::kAnd || arg.kind == Kind::kOr;
        parts.push_back(bracket ? absl::StrCat("(", Print(arg), ")") : PrintAt(arg, kPrecAnd + 1));
      }
      return absl::StrJoin(parts, e.kind == Kind::kAnd ? " AND " : " OR ");
    }
    case Kind::kNot:
      return absl::StrCat("NOT ", PrintAt(e.args[0], kPrecNot));
    case Kind::kIsTest:
      return absl::StrCat(PrintAt(e.args[0], kPrecIs + 1), " IS ", e.text);
    case Kind::kDistinct:
      return absl::StrCat(PrintAt(e.args[0], kPrecIs + 1), e.negated ? " IS NOT " : " IS ",
                          "DISTINCT FROM ", PrintAt(e.args[1], kPrecIs + 1));
    case Kind::kIn:
      return absl::StrCat(PrintAt(e.args[0], kPrecLike + 1), e.negated ? " NOT IN (" : " IN (",
                          PrintList(e.args, 1), ")");
    case Kind::kAnyAll:
      return absl::StrCat(PrintAt(e.args[0], kPrecCompare + 1), " ", e.text, " ", e.names[0], " (",
                          Print(e.args[1]), ")");
    case Kind::kCase: {
      std::string out = "CASE";
      size_t i = 0;
      if (e.has_operand) absl::StrAppend(&out, " ", Print(e.args[i++]));
      const size_t end = e.has_else ? e.args.size() - 1 : e.args.size();
      for (; i + 2 <= end; i += 2) {
        absl::StrAppend(&out, " WHEN ", Print(e.args[i]), " THEN ", Print(e.args[i + 1]));
      }
      if (e.has_else) absl::StrAppend(&out, " ELSE ", Print(e.args.back()));
      return absl::StrCat(out, " END");
    }
    case Kind::kArray:
      return absl::StrCat("ARRAY[", PrintList(e.args), "]");
    case Kind::kRow:
      return absl::StrCat("ROW(", PrintList(e.args), ")");
    case Kind::kSubscript:
      return absl::StrCat(PrintAt(e.args[0], kPrecAtom), "[", Print(e.args[1]),
                          e.slice ? absl::StrCat(":", Print(e.args[2])) : "", "]");
    case Kind::kCollate:
      return absl::StrCat(PrintAt(e.args[0], kPrecCollate), " COLLATE ", PrintName(e.names));
    case Kind::kExtract:
      return absl::StrCat("EXTRACT(", e.text, " FROM ", Print(e.args[0]), ")");
  }
  return e.text;
}

}  // namespace

absl::StatusOr<PgExpr> ParsePostgresExpression(std::string_view sql) {
  ASSIGN_OR_RETURN(std::vector<PgToken> tokens, TokenizePostgres(sql));
  Parser parser(std::move(tokens));
  ASSIGN_OR_RETURN(PgExpr expr, parser.ParseAll());
  Canonicalize(expr, /*compared=*/false);
  return expr;
}

std::string PrintPostgresExpression(const PgExpr& expr) { return Print(expr); }

std::string CanonicalPostgresExpression(std::string_view sql) {
  if (absl::StatusOr<PgExpr> expr = ParsePostgresExpression(sql); expr.ok()) {
    return Print(*expr);
  }
  return CanonicalSql(sql);
}

std::string CanonicalPostgresNumber(std::string_view text) {
  std::string s(absl::StripAsciiWhitespace(Absl(text)));
  if (!IsPostgresDecimalLiteral(s)) return s;
  bool negative = false;
  if (s[0] == '-' || s[0] == '+') {
    negative = s[0] == '-';
    s.erase(0, 1);
  }
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  const size_t first = s.find_first_not_of('0');
  s = first == std::string::npos ? "0" : s.substr(first);
  if (s.empty() || s[0] == '.') s = absl::StrCat("0", s);
  if (s == "0") negative = false;
  return negative ? absl::StrCat("-", s) : s;
}

}  // namespace schemadiff
