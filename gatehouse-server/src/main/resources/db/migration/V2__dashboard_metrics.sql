-- Daily business metrics per account, shown on the dashboard. Revenue is kept in cents (exact).
CREATE TABLE dashboard_metrics (
    account_id    BIGINT NOT NULL,
    metric_date   DATE   NOT NULL,
    revenue_cents BIGINT NOT NULL,
    installs      BIGINT NOT NULL,
    conversions   BIGINT NOT NULL,
    CONSTRAINT dashboard_metrics_pk PRIMARY KEY (account_id, metric_date),
    CONSTRAINT dashboard_metrics_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE,
    CONSTRAINT dashboard_metrics_values_ck CHECK (revenue_cents >= 0 AND installs >= 0 AND conversions >= 0)
);
