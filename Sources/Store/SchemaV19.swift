extension Schema {
    static let v19 = """
    -- Every case of each domain per status, severity and escalation, whoever manages its customer now, as PostgreSQL's
    -- store keeps it: a count without a customer term sums a few of these rows and takes away the cases of the customers
    -- the domain no longer manages (CaseTallySQL). A domain's count read all its customers' tally rows, each with its
    -- access tested: 711,196 rows, 316 ms, at 10,000,000 cases with 200,000 customers. It follows `case_tally`'s rows.
    CREATE TABLE case_domain_tally (
        domain_id INTEGER NOT NULL,
        status INTEGER NOT NULL,
        severity INTEGER NOT NULL,
        escalated INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (domain_id, status, severity, escalated)
    ) WITHOUT ROWID;
    INSERT INTO case_domain_tally (domain_id, status, severity, escalated, n)
      SELECT domain_id, status, severity, escalated, sum(n) FROM case_tally GROUP BY domain_id, status, severity, escalated;
    CREATE TRIGGER case_domain_tally_insert AFTER INSERT ON case_tally
    BEGIN
        \(addNew)
    END;
    CREATE TRIGGER case_domain_tally_update AFTER UPDATE ON case_tally
    BEGIN
        \(takeOld)
        \(addNew)
    END;
    CREATE TRIGGER case_domain_tally_delete AFTER DELETE ON case_tally
    BEGIN
        \(takeOld)
    END;
    """

    /// A tally row's count joins its domain's row (v19); its old count leaves it.
    private static let addNew = """
        INSERT INTO case_domain_tally VALUES (NEW.domain_id, NEW.status, NEW.severity, NEW.escalated, NEW.n)
            ON CONFLICT DO UPDATE SET n = n + excluded.n;
        """
    private static let takeOld = """
        UPDATE case_domain_tally SET n = n - OLD.n
          WHERE domain_id = OLD.domain_id AND status = OLD.status AND severity = OLD.severity AND escalated = OLD.escalated;
        """
}
