extension Schema {
    static let v18 = """
    -- Customers by any three characters of their name (SQLite's trigram tokenizer answers `LIKE '%acme%'` from the
    -- index): a `customer:` term read every customer's name, 47 ms with 200,000 customers (CustomerNames). The index
    -- keeps no copy of the names; the triggers give it each name as it comes and goes.
    CREATE VIRTUAL TABLE customer_search USING fts5(name, content = 'customer', content_rowid = 'id', tokenize = 'trigram');
    INSERT INTO customer_search (customer_search) VALUES ('rebuild');
    CREATE TRIGGER customer_search_insert AFTER INSERT ON customer
    BEGIN
        INSERT INTO customer_search (rowid, name) VALUES (NEW.id, NEW.name);
    END;
    CREATE TRIGGER customer_search_delete AFTER DELETE ON customer
    BEGIN
        INSERT INTO customer_search (customer_search, rowid, name) VALUES ('delete', OLD.id, OLD.name);
    END;
    CREATE TRIGGER customer_search_update AFTER UPDATE OF id, name ON customer
    WHEN NEW.id IS NOT OLD.id OR NEW.name IS NOT OLD.name
    BEGIN
        INSERT INTO customer_search (customer_search, rowid, name) VALUES ('delete', OLD.id, OLD.name);
        INSERT INTO customer_search (rowid, name) VALUES (NEW.id, NEW.name);
    END;

    -- How many customers each domain manages now, for My Customers' total: counting a domain's 66,668 access rows
    -- took 5-9 ms of every first screen.
    CREATE TABLE customer_count (
        domain_id INTEGER PRIMARY KEY,
        n INTEGER NOT NULL
    );
    INSERT INTO customer_count (domain_id, n)
      SELECT domain_id, COUNT(*) FROM customer_access WHERE until IS NULL GROUP BY domain_id;
    CREATE TRIGGER customer_count_insert AFTER INSERT ON customer_access WHEN NEW.until IS NULL
    BEGIN
        INSERT INTO customer_count VALUES (NEW.domain_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER customer_count_delete AFTER DELETE ON customer_access WHEN OLD.until IS NULL
    BEGIN
        UPDATE customer_count SET n = n - 1 WHERE domain_id = OLD.domain_id;
    END;
    CREATE TRIGGER customer_count_update AFTER UPDATE OF domain_id, until ON customer_access
    WHEN NEW.domain_id IS NOT OLD.domain_id OR (NEW.until IS NULL) IS NOT (OLD.until IS NULL)
    BEGIN
        UPDATE customer_count SET n = n - 1 WHERE domain_id = OLD.domain_id AND OLD.until IS NULL;
        INSERT INTO customer_count SELECT NEW.domain_id, 1 WHERE NEW.until IS NULL ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    """
}
