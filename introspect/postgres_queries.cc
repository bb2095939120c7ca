#include "introspect/postgres_queries.h"

namespace schemadiff::pg_queries {

const char* const kEnums = R"SQL(
SELECT n.nspname, t.typname, e.enumlabel
FROM pg_catalog.pg_enum e
JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid
JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
WHERE n.nspname = ANY ($1::text[])
ORDER BY n.nspname, t.typname, e.enumsortorder
)SQL";

const char* const kTables = R"SQL(
SELECT c.oid, n.nspname, c.relname, d.description
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::regclass AND d.objsubid = 0
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY ($1::text[])
)SQL";

const char* const kColumns = R"SQL(
SELECT a.attrelid, a.attnum, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
       a.attnotnull, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), a.attidentity,
       a.attgenerated, d.description,
       CASE WHEN a.attcollation <> t.typcollation THEN co.collname END,
       t.typtype, t.typname, tn.nspname, et.typtype, et.typname, etn.nspname,
       seq.seqname, seq.deptype, seq.seqstart, seq.seqincrement
FROM pg_catalog.pg_attribute a
JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
LEFT JOIN pg_catalog.pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
LEFT JOIN pg_catalog.pg_namespace etn ON etn.oid = et.typnamespace
LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
LEFT JOIN pg_catalog.pg_description d
  ON d.objoid = a.attrelid AND d.classoid = 'pg_catalog.pg_class'::regclass
  AND d.objsubid = a.attnum
LEFT JOIN pg_catalog.pg_collation co ON co.oid = a.attcollation
LEFT JOIN (
  SELECT DISTINCT ON (dep.refobjid, dep.refobjsubid)
         dep.refobjid, dep.refobjsubid, dep.deptype, s.seqstart, s.seqincrement,
         sc.oid::regclass::text AS seqname
  FROM pg_catalog.pg_depend dep
  JOIN pg_catalog.pg_class sc ON sc.oid = dep.objid AND sc.relkind = 'S'
  JOIN pg_catalog.pg_sequence s ON s.seqrelid = sc.oid
  WHERE dep.classid = 'pg_catalog.pg_class'::regclass
    AND dep.refclassid = 'pg_catalog.pg_class'::regclass AND dep.deptype IN ('a', 'i')
  ORDER BY dep.refobjid, dep.refobjsubid, dep.deptype DESC
) seq ON seq.refobjid = a.attrelid AND seq.refobjsubid = a.attnum
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY ($1::text[])
  AND a.attnum > 0 AND NOT a.attisdropped
ORDER BY a.attrelid, a.attnum
)SQL";

const char* const kConstraints = R"SQL(
SELECT con.conrelid, con.conname, con.contype,
       ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(num, ord)
             JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.num
             ORDER BY k.ord)::text[],
       fn.nspname, fc.relname,
       CASE WHEN con.contype = 'f' THEN
         ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, ord)
               JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
               ORDER BY k.ord)::text[]
       END,
       con.confupdtype, con.confdeltype, con.confmatchtype, con.condeferrable, con.condeferred,
       con.convalidated,
       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END,
       x.indnullsnotdistinct
FROM pg_catalog.pg_constraint con
JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_catalog.pg_class fc ON fc.oid = con.confrelid
LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = fc.relnamespace
LEFT JOIN pg_catalog.pg_index x ON x.indexrelid = con.conindid AND con.contype = 'u'
WHERE con.contype IN ('p', 'u', 'f', 'c') AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND n.nspname = ANY ($1::text[])
)SQL";

const char* const kIndexes = R"SQL(
SELECT x.indrelid, i.relname, x.indisunique, x.indnullsnotdistinct, am.amname, x.indnkeyatts,
       x.indkey::text, x.indoption::text, pg_catalog.pg_get_expr(x.indpred, x.indrelid),
       CASE WHEN x.indexprs IS NOT NULL THEN
         ARRAY(SELECT pg_catalog.pg_get_indexdef(x.indexrelid, k, true)
               FROM generate_series(1, x.indnkeyatts) k ORDER BY k)
       END,
       ARRAY(SELECT CASE WHEN o.opcdefault OR o.opcname IS NULL THEN '' ELSE o.opcname END
             FROM unnest(x.indclass::oid[]) WITH ORDINALITY k(opc, ord)
             LEFT JOIN pg_catalog.pg_opclass o ON o.oid = k.opc ORDER BY k.ord),
       ARRAY(SELECT COALESCE(co.collname, '')
             FROM unnest(x.indcollation::oid[]) WITH ORDINALITY k(coll, ord)
             LEFT JOIN pg_catalog.pg_attribute a
               ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.ord - 1]
             LEFT JOIN pg_catalog.pg_collation co
               ON co.oid = k.coll AND x.indkey[k.ord - 1] <> 0 AND k.coll <> a.attcollation
             ORDER BY k.ord)
FROM pg_catalog.pg_index x
JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
JOIN pg_catalog.pg_class c ON c.oid = x.indrelid
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_am am ON am.oid = i.relam
WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY ($1::text[])
  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                  WHERE k.conindid = x.indexrelid AND k.conrelid = x.indrelid
                    AND k.contype IN ('p', 'u', 'x'))
)SQL";

}  // namespace schemadiff::pg_queries
