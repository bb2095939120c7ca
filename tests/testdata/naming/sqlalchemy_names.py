#!/usr/bin/python3
"""Prints the names SQLAlchemy 1.4 gives constraints and indexes under naming conventions.

Each case describes the naming subject the way schemadiff's NamingSubject does (kind, table,
columns, explicit name, referred table and columns, maximum identifier length). The script builds
the same objects with SQLAlchemy, lets its naming convention and its DDL compiler name them
(including the md5 truncation of long names), and writes the cases with their expected names as
JSON. tests/unit/naming_test.cc replays every case against ConventionalName.

Regenerate with:
    /usr/bin/python3 tests/testdata/naming/sqlalchemy_names.py \
        > tests/testdata/naming/sqlalchemy_names.json
"""

import json
import sys

import sqlalchemy as sa
from sqlalchemy.dialects import sqlite

LONG = "a_really_long_table_name_that_goes_on_and_on_and_on_for_ever"

# (kind, template, schema, table, columns, constraint_name, referred (schema, table, columns),
#  max_length)
CASES = [
    ("ix", "ix_%(column_0_label)s", None, "orders", ["email"], None, None, 9999),
    ("ix", "ix_%(column_0_label)s", "sales", "orders", ["email"], None, None, 9999),
    ("ix", "ix_%(column_0_label)s", "dotted.schema", "orders", ["email"], None, None, 9999),
    ("ix", "ix_%(column_0_label)s", None, "orders", [], None, None, 9999),
    ("ix", "ix_%(table_name)s_%(column_0N_label)s", None, "t", ["a", "b"], None, None, 9999),
    ("ix", "ix_%(column_0_N_label)s", "s", "t", ["a", "b", "c"], None, None, 9999),
    ("ix", "ix_%(column_0_key)s_%(column_1_key)s", None, "t", ["a", "b"], None, None, 9999),
    ("ix", "ix_%(column_0_N_key)s", None, "t", ["a", "b"], None, None, 9999),
    ("ix", "ix_%(column_1_name)s", None, "t", ["a"], None, None, 9999),
    ("ix", "ix_%(column_10_name)s", None, "t", ["a"], None, None, 9999),
    ("ix", "ix_%%_%(column_0_name)s_100%%", None, "t", ["a"], None, None, 9999),
    ("uq", "uq_%(table_name)s_%(column_0_name)s", None, "users", ["email", "tenant"], None, None,
     9999),
    ("uq", "uq_%(table_name)s_%(column_0N_name)s", None, "t", ["a", "b", "c"], None, None, 9999),
    ("uq", "uq_%(table_name)s_%(column_0_N_name)s", None, "t", ["a", "b", "c"], None, None, 9999),
    ("uq", "uq_%(table_name)s_%(column_1_name)s", None, "t", ["a", "b", "c"], None, None, 9999),
    ("uq", "uq_%(table_name)s_%(referred_column_0N_name)s", None, "t", ["a"], None, None, 9999),
    ("uq", "uq_%(referred_table_name)s", None, "t", ["a"], None, None, 9999),
    ("uq", "uq_%(colum_0_name)s", None, "t", ["a"], None, None, 9999),
    ("uq", "uq_%(column_0_nam)s", None, "t", ["a"], None, None, 9999),
    ("uq", "uq_%(column_1N_name)s", None, "t", ["a"], None, None, 9999),
    ("uq", "uq_%(table_name)s", None, "t", ["a"], "explicit", None, 9999),
    ("ck", "ck_%(table_name)s_%(constraint_name)s", None, "orders", [], "positive_amount", None,
     9999),
    ("ck", "ck_%(table_name)s_%(constraint_name)s", "sales", "orders", [], "positive", None,
     9999),
    ("ck", "ck_%(table_name)s_%(constraint_name)s", None, "orders", [], None, None, 9999),
    ("ck", "ck_%(table_name)s_%(column_0_name)s", None, "orders", [], None, None, 9999),
    ("ck", "ck_%(table_name)s_%(referred_column_0N_name)s", None, "orders", [], None, None, 9999),
    ("ck", "my_check", None, "orders", [], None, None, 9999),
    ("fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", None, "orders",
     ["customer_id"], None, (None, "customers", ["id"]), 9999),
    ("fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", "sales", "orders",
     ["customer_id"], None, ("crm", "customers", ["id"]), 9999),
    ("fk", "fk_%(table_name)s_%(column_0N_name)s_%(referred_table_name)s_"
     "%(referred_column_0N_name)s", None, "lines", ["order_id", "order_no"], None,
     (None, "orders", ["id", "no"]), 9999),
    ("fk", "fk_%(column_0_N_label)s_%(referred_column_0_N_name)s", "s", "lines",
     ["order_id", "order_no"], None, ("s", "orders", ["id", "no"]), 9999),
    ("fk", "fk_%(referred_column_0_name)s_%(referred_column_1_name)s", None, "lines",
     ["order_id", "order_no"], None, (None, "orders", ["id", "no"]), 9999),
    ("fk", "fk_%(referred_column_1_name)s", None, "lines", ["order_id"], None,
     (None, "orders", ["id"]), 9999),
    ("fk", "fk_%(column_0_name)s", None, "lines", ["order_id"], "named", (None, "orders", ["id"]),
     9999),
    ("pk", "pk_%(table_name)s", None, "orders", ["id"], None, None, 9999),
    ("pk", "pk_%(table_name)s_%(column_0_N_name)s", None, "pairs", ["left", "right"], None, None,
     9999),
    ("pk", "pk_%(table_name)s", None, "orders", ["id"], "orders_pkey", None, 9999),
    # Truncation of long conventional names (PostgreSQL's 63, MySQL's 64, a small limit).
    ("ix", "ix_%(column_0_label)s", None, LONG, ["another_fairly_long_column_name"], None, None,
     63),
    ("fk", "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s", None, LONG,
     ["customer_id"], None, (None, LONG + "_customers", ["id"]), 64),
    ("uq", "uq_%(table_name)s_%(column_0_N_name)s", None, "tbl", ["alpha", "beta", "gamma"], None,
     None, 16),
    ("uq", "uq_%(table_name)s_%(column_0_N_name)s", None, "tbl", ["abc"], None, None, 10),
    ("ix", "ix_%(column_0_label)s", None, "t", ["abcdefgh"], None, None, 12),
    ("ix", "ix_%(column_0_label)s", None, "t", ["ab"], None, None, 12),
    ("ix", "ix_%(column_0_label)s", None, "café_crème_brûlée", ["über_größe_ñandú"], None, None,
     30),
    ("ix", "ix_%(column_0_label)s", None, "日本語のテーブル", ["列名"], None, None, 12),
]


def make_constraint(kind, table, columns, name, referred):
    if kind == "ix":
        if not columns:
            index = sa.Index(name, sa.text("lower(x)"))
            table.append_constraint(index)
            return index
        return sa.Index(name, *[table.c[c] for c in columns])
    if kind == "uq":
        const = sa.UniqueConstraint(*columns, name=name)
    elif kind == "pk":
        const = sa.PrimaryKeyConstraint(*columns, name=name)
    elif kind == "ck":
        const = sa.CheckConstraint("1 = 1", name=name)
    else:
        ref_schema, ref_table, ref_columns = referred
        prefix = ref_schema + "." if ref_schema else ""
        const = sa.ForeignKeyConstraint(
            columns, [prefix + ref_table + "." + c for c in ref_columns], name=name)
    table.append_constraint(const)
    return const


def sqlalchemy_name(case):
    kind, template, schema, table_name, columns, name, referred, max_length = case
    metadata = sa.MetaData(naming_convention={kind: template})
    if referred:
        ref_schema, ref_table, ref_columns = referred
        sa.Table(ref_table, metadata, *[sa.Column(c, sa.Integer) for c in ref_columns],
                 schema=ref_schema)
    all_columns = list(dict.fromkeys(columns + ["x"]))
    table = sa.Table(table_name, metadata, *[sa.Column(c, sa.Integer) for c in all_columns],
                     schema=schema)
    const = make_constraint(kind, table, columns, name, referred)
    dialect = sqlite.dialect()
    dialect.max_identifier_length = max_length
    return dialect.identifier_preparer.format_constraint(const, _alembic_quote=False)


def main():
    out = []
    for case in CASES:
        kind, template, schema, table_name, columns, name, referred, max_length = case
        entry = {
            "kind": kind,
            "template": template,
            "schema": schema or "",
            "table": table_name,
            "columns": columns,
            "constraint_name": name or "",
            "referred_table": referred[1] if referred else "",
            "referred_columns": referred[2] if referred else [],
            "max_length": max_length,
        }
        try:
            entry["expected"] = sqlalchemy_name(case)
        except (KeyError, AttributeError, IndexError, sa.exc.InvalidRequestError) as e:
            entry["error"] = type(e).__name__
        out.append(entry)
    json.dump({"sqlalchemy": sa.__version__, "cases": out}, sys.stdout, indent=1,
              ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
