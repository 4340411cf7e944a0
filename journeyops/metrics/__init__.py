"""Experience metrics: survey figures (NPS, CSAT, CES) from raw counts, and KPIs, each
against its target. A sibling of `scoring`, which ranks opportunities."""
