-- Every metric of one tenant for every month from its first data to :hi, in one statement.
-- Parameters: 1 tenant id, 2 the current month (first day). {churn_months} is replaced by an integer.
INSERT INTO metrics_value (tenant_id, key, period, channel, value, note)
WITH params AS (
    SELECT CAST(? AS uuid) AS t, CAST(? AS date) AS hi
),
-- A subscription's MRR counts from the month in which it has started and left its trial up to the
-- month before the one containing end_date (it must end after a month's last day to count in it).
sub AS MATERIALIZED (
    SELECT s.customer_id,
           date_trunc('month', greatest(s.start_date, coalesce(s.trial_end, s.start_date)))::date AS first_m,
           date_trunc('month', s.end_date)::date AS stop_m,
           s.amount * s.quantity
               / CASE s.billing_interval WHEN 'month' THEN 1 WHEN 'quarter' THEN 3 ELSE 12 END
               * CASE WHEN s.discount_forever THEN 1 - s.discount_pct / 100 ELSE 1 END AS mrr
    FROM metrics_subscription s, params p
    WHERE s.tenant_id = p.t
),
-- Changes of each customer's MRR: the whole series is a running sum of these.
delta AS MATERIALIZED (
    SELECT customer_id, first_m AS m, mrr AS d FROM sub WHERE mrr > 0 AND (stop_m IS NULL OR stop_m > first_m)
    UNION ALL
    SELECT customer_id, stop_m, -mrr FROM sub WHERE mrr > 0 AND stop_m > first_m
),
level AS (
    SELECT customer_id, m, sum(sum(d)) OVER (PARTITION BY customer_id ORDER BY m) AS mrr
    FROM delta
    GROUP BY customer_id, m
),
change AS MATERIALIZED (
    SELECT customer_id, m, mrr,
           coalesce(lag(mrr) OVER w, 0) AS prev,
           coalesce(bool_or(mrr > 0) OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), false) AS had
    FROM level
    WINDOW w AS (PARTITION BY customer_id ORDER BY m)
),
mov AS (
    SELECT m,
           coalesce(sum(mrr) FILTER (WHERE prev = 0 AND mrr > 0 AND NOT had), 0) AS new_mrr,
           coalesce(sum(mrr - prev) FILTER (WHERE prev > 0 AND mrr > prev), 0) AS expansion,
           coalesce(sum(prev - mrr) FILTER (WHERE prev > 0 AND mrr > 0 AND mrr < prev), 0) AS contraction,
           coalesce(sum(prev) FILTER (WHERE prev > 0 AND mrr = 0), 0) AS churned,
           coalesce(sum(mrr) FILTER (WHERE prev = 0 AND mrr > 0 AND had), 0) AS reactivation,
           count(*) FILTER (WHERE prev = 0 AND mrr > 0 AND NOT had) AS new_customers,
           count(*) FILTER (WHERE prev > 0 AND mrr = 0) AS churned_customers,
           count(*) FILTER (WHERE prev = 0 AND mrr > 0) - count(*) FILTER (WHERE prev > 0 AND mrr = 0) AS paying_delta,
           sum(mrr - prev) AS mrr_delta
    FROM change
    GROUP BY m
),
-- A customer's acquisition channel is the channel of their earliest subscription.
first_channel AS (
    SELECT DISTINCT ON (s.customer_id) s.customer_id, coalesce(s.channel, '') AS channel
    FROM metrics_subscription s, params p
    WHERE s.tenant_id = p.t
    ORDER BY s.customer_id, s.start_date, s.row_no
),
new_by_channel AS (
    SELECT c.m, f.channel, count(*) AS n
    FROM change c JOIN first_channel f USING (customer_id)
    WHERE c.prev = 0 AND c.mrr > 0 AND NOT c.had
    GROUP BY c.m, f.channel
),
expense AS MATERIALIZED (
    SELECT date_trunc('month', e.spent_on)::date AS m, coalesce(e.channel, '') AS channel, sum(e.amount) AS amount
    FROM metrics_expense e, params p
    WHERE e.tenant_id = p.t AND e.category IN ('sales', 'marketing')
    GROUP BY 1, 2
),
completed AS MATERIALIZED (
    SELECT date_trunc('quarter', pr.completed_date)::date AS q, pr.value
    FROM metrics_project pr, params p
    WHERE pr.tenant_id = p.t AND pr.status = 'completed' AND pr.completed_date IS NOT NULL
),
months AS (
    SELECT generate_series(b.lo, p.hi, interval '1 month')::date AS m
    FROM params p,
         (SELECT least((SELECT min(m) FROM delta), (SELECT min(m) FROM expense),
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
