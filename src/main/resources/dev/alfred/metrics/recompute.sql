-- Every metric of one tenant for every month from its first data to :hi, in one statement.
-- Parameters: 1 tenant id, 2 the current month (first day). {churn_months} is replaced by an integer.
INSERT INTO metrics_value (tenant_id, key, period, channel, value, note)
WITH params AS (
    SELECT CAST(? AS uuid) AS t, CAST(? AS date) AS hi
),
-- Changes of each customer's MRR, two per subscription: +mrr in the first month it counts in,
-- -mrr in the first month it no longer counts in (both normalised when the row was stored). Each
-- customer's MRR series is the running sum of its changes. Customer ids sort by bytes
-- (COLLATE "C"): grouping only needs some order, and this one is much cheaper.
delta AS (
    SELECT s.customer_id COLLATE "C" AS customer_id, s.counts_from AS m, s.mrr AS d, coalesce(s.channel, '') AS channel
    FROM metrics_subscription s, params p
    WHERE s.tenant_id = p.t AND s.mrr > 0 AND (s.counts_until IS NULL OR s.counts_until > s.counts_from)
    UNION ALL
    SELECT s.customer_id COLLATE "C", s.counts_until, -s.mrr, NULL
    FROM metrics_subscription s, params p
    WHERE s.tenant_id = p.t AND s.mrr > 0 AND s.counts_until > s.counts_from
),
-- Each customer's MRR at the end of every month in which it changed: the running sum of the
-- changes (RANGE frame: a month's changes all count), keeping one row per month. One sort by
-- customer and month feeds every window function below. A customer's acquisition channel is that
-- of the subscription that first gave them MRR (the alphabetically first one when several start
-- in that month).
running AS (
    SELECT customer_id, m,
           sum(d) OVER w AS mrr,
           lead(m) OVER w AS next_m,
           min(channel) OVER (PARTITION BY customer_id, m) AS channel
    FROM delta
    WINDOW w AS (PARTITION BY customer_id ORDER BY m)
),
level AS (
    SELECT customer_id, m, mrr, channel FROM running WHERE next_m IS DISTINCT FROM m
),
-- Each change is one movement: a customer's first change is their first month with MRR (a
-- subscription cannot end in the month it starts counting), so it is new business; a later change
-- from zero is a reactivation.
change AS (
    SELECT m, mrr, prev, channel,
           CASE WHEN prev = 0 AND mrr > 0 THEN CASE WHEN first THEN 'new' ELSE 'reactivation' END
                WHEN prev > 0 AND mrr = 0 THEN 'churn'
                WHEN mrr > prev THEN 'expansion'
                WHEN mrr < prev THEN 'contraction' END AS kind
    FROM (SELECT m, mrr, channel, coalesce(lag(mrr) OVER w, 0) AS prev, lag(mrr) OVER w IS NULL AS first
          FROM level
          WINDOW w AS (PARTITION BY customer_id ORDER BY m)) c
),
-- Movements per month, kind and (for new customers) acquisition channel.
moves AS MATERIALIZED (
    SELECT m, kind, CASE WHEN kind = 'new' THEN channel END AS channel, sum(abs(mrr - prev)) AS amount, count(*) AS n
    FROM change
    WHERE kind IS NOT NULL
    GROUP BY 1, 2, 3
),
mov AS (
    SELECT m,
           coalesce(sum(amount) FILTER (WHERE kind = 'new'), 0) AS new_mrr,
           coalesce(sum(amount) FILTER (WHERE kind = 'expansion'), 0) AS expansion,
           coalesce(sum(amount) FILTER (WHERE kind = 'contraction'), 0) AS contraction,
           coalesce(sum(amount) FILTER (WHERE kind = 'churn'), 0) AS churned,
           coalesce(sum(amount) FILTER (WHERE kind = 'reactivation'), 0) AS reactivation,
           coalesce(sum(n) FILTER (WHERE kind = 'new'), 0) AS new_customers,
           coalesce(sum(n) FILTER (WHERE kind = 'churn'), 0) AS churned_customers,
           coalesce(sum(n) FILTER (WHERE kind IN ('new', 'reactivation')), 0)
               - coalesce(sum(n) FILTER (WHERE kind = 'churn'), 0) AS paying_delta,
           coalesce(sum(CASE WHEN kind IN ('churn', 'contraction') THEN -amount ELSE amount END), 0) AS mrr_delta
    FROM moves
    GROUP BY m
),
new_by_channel AS (
    SELECT m, channel, sum(n) AS n
    FROM moves
    WHERE kind = 'new'
    GROUP BY m, channel
),
expense AS MATERIALIZED (
    SELECT date_trunc('month', e.spent_on::timestamp)::date AS m, coalesce(e.channel, '') AS channel, sum(e.amount) AS amount
    FROM metrics_expense e, params p
    WHERE e.tenant_id = p.t AND e.category IN ('sales', 'marketing')
    GROUP BY 1, 2
),
completed AS MATERIALIZED (
    SELECT date_trunc('quarter', pr.completed_date::timestamp)::date AS q, pr.value
    FROM metrics_project pr, params p
    WHERE pr.tenant_id = p.t AND pr.status = 'completed' AND pr.completed_date IS NOT NULL
),
months AS (
    SELECT generate_series(b.lo, p.hi, interval '1 month')::date AS m
    FROM params p,
         (SELECT least((SELECT min(m) FROM mov), (SELECT min(m) FROM expense),
                       (SELECT min(q) FROM completed)) AS lo) b
    WHERE b.lo IS NOT NULL
),
margin AS (
    SELECT (SELECT CASE WHEN s.value ~ '^-?[0-9]+(\.[0-9]+)?$' THEN s.value::numeric / 100 END
            FROM metrics_strategic s, params p
            WHERE s.tenant_id = p.t AND s.key = 'gross_margin_pct') AS gm
),
series AS (
    SELECT mo.m,
           coalesce(v.new_mrr, 0) AS new_mrr, coalesce(v.expansion, 0) AS expansion,
           coalesce(v.contraction, 0) AS contraction, coalesce(v.churned, 0) AS churned,
           coalesce(v.reactivation, 0) AS reactivation,
           coalesce(v.new_customers, 0) AS new_customers, coalesce(v.churned_customers, 0) AS churned_customers,
           sum(coalesce(v.mrr_delta, 0)) OVER o AS mrr,
           sum(coalesce(v.paying_delta, 0)) OVER o AS paying,
           coalesce((SELECT sum(e.amount) FROM expense e WHERE e.m = mo.m), 0) AS acquisition_spend
    FROM months mo LEFT JOIN mov v ON v.m = mo.m
    WINDOW o AS (ORDER BY mo.m)
),
starts AS (
    SELECT s.*, lag(s.mrr, 1, 0::numeric) OVER o AS mrr_start, lag(s.paying, 1, 0::numeric) OVER o AS paying_start
    FROM series s
    WINDOW o AS (ORDER BY s.m)
),
rates AS (
    SELECT s.*,
           s.churned_customers::numeric / nullif(s.paying_start, 0) AS churn_rate,
           (s.churned + s.contraction) / nullif(s.mrr_start, 0) AS gross_churn,
           (s.churned + s.contraction - s.expansion - s.reactivation) / nullif(s.mrr_start, 0) AS net_churn,
           s.mrr / nullif(s.paying, 0) AS arpa,
           s.acquisition_spend / nullif(s.new_customers, 0) AS cac
    FROM starts s
),
lifetimes AS (
    SELECT r.*, g.gm,
           avg(r.churn_rate) OVER (ORDER BY r.m ROWS BETWEEN {churn_months} PRECEDING AND 1 PRECEDING) AS avg_churn
    FROM rates r CROSS JOIN margin g
),
final AS (
    SELECT l.*,
           l.arpa / nullif(l.avg_churn, 0) AS ltv,
           l.arpa * l.gm / nullif(l.avg_churn, 0) AS ltgp,
           l.cac / nullif(l.arpa * l.gm, 0) AS payback
    FROM lifetimes l
)
SELECT p.t, x.key, to_char(f.m, 'YYYY-MM'), '', x.value, CASE WHEN x.value IS NULL THEN x.note END
FROM final f CROSS JOIN params p
CROSS JOIN LATERAL (VALUES
    ('mrr', round(f.mrr, 2), NULL),
    ('new_mrr', round(f.new_mrr, 2), NULL),
    ('expansion_mrr', round(f.expansion, 2), NULL),
    ('contraction_mrr', round(f.contraction, 2), NULL),
    ('churned_mrr', round(f.churned, 2), NULL),
    ('reactivation_mrr', round(f.reactivation, 2), NULL),
    ('net_new_mrr', round(f.new_mrr + f.expansion + f.reactivation - f.contraction - f.churned, 2), NULL),
    ('paying_customers', f.paying, NULL),
    ('customer_churn_rate', round(f.churn_rate, 4), 'undefined: no paying customers at the start of the month'),
    ('gross_mrr_churn_rate', round(f.gross_churn, 4), 'undefined: no MRR at the start of the month'),
    ('net_mrr_churn_rate', round(f.net_churn, 4), 'undefined: no MRR at the start of the month'),
    ('arpa', round(f.arpa, 2), 'undefined: no paying customers'),
    ('ltv', round(f.ltv, 2), CASE
        WHEN f.arpa IS NULL THEN 'undefined: no paying customers'
        WHEN f.avg_churn IS NULL THEN 'undefined: no customer churn rate in the {churn_months} months before'
        ELSE 'undefined: no customer churn in the {churn_months} months before' END),
    ('cac', round(f.cac, 2), 'undefined: no new customers in the month'),
    ('cac_payback_months', round(f.payback, 2), CASE
        WHEN f.cac IS NULL THEN 'undefined: no CAC (no new customers in the month)'
        WHEN f.gm IS NULL THEN 'undefined: gross_margin_pct is not set in the strategic tab'
        ELSE 'undefined: no gross profit per customer' END),
    ('ltgp', round(f.ltgp, 2), CASE
        WHEN f.gm IS NULL THEN 'undefined: gross_margin_pct is not set in the strategic tab'
        WHEN f.arpa IS NULL THEN 'undefined: no paying customers'
        ELSE 'undefined: no customer churn in the {churn_months} months before' END),
    ('ltv_cac_ratio', round(f.ltv / nullif(f.cac, 0), 2), 'undefined: LTV or CAC is undefined'),
    ('ltgp_cac_ratio', round(f.ltgp / nullif(f.cac, 0), 2), 'undefined: LTGP or CAC is undefined')
) AS x(key, value, note)
UNION ALL
SELECT p.t, 'cac', to_char(mo.m, 'YYYY-MM'), ch.channel,
       round(coalesce(e.amount, 0) / nullif(n.n, 0), 2),
       CASE WHEN n.n IS NULL THEN 'undefined: no new customers from this channel in the month' END
FROM months mo CROSS JOIN params p
CROSS JOIN (SELECT channel FROM expense UNION SELECT channel FROM new_by_channel) ch
LEFT JOIN expense e ON e.m = mo.m AND e.channel = ch.channel
LEFT JOIN new_by_channel n ON n.m = mo.m AND n.channel = ch.channel
WHERE ch.channel <> ''
UNION ALL
SELECT p.t, 'qvc', to_char(q.q, 'YYYY-"Q"Q'), '', coalesce((SELECT sum(c.value) FROM completed c WHERE c.q = q.q), 0), NULL
FROM (SELECT DISTINCT date_trunc('quarter', m)::date AS q FROM months) q CROSS JOIN params p
