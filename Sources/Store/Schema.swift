import GRDB

/// The database schema. A migration is frozen once it has landed: change the schema by adding one.
enum Schema {
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1: organisation, customers, cases, history, search") { db in
            try db.execute(sql: v1)
        }
        m.registerMigration("v2: email alerts outbox") { db in
            try db.execute(sql: v2)
        }
        m.registerMigration("v3: audit log") { db in
            try db.execute(sql: v3)
        }
        m.registerMigration("v4: drafts") { db in
            try db.execute(sql: v4)
        }
        m.registerMigration("v5: secondary domains") { db in
            try db.execute(sql: v5)
        }
        m.registerMigration("v6: search rows keyed by update order") { db in
            try db.execute(sql: v6)
        }
        m.registerMigration("v7: customers per reseller domain") { db in
            try db.execute(sql: v7)
        }
        m.registerMigration("v8: customer names in the search rows") { db in
            try db.execute(sql: v8)
        }
        m.registerMigration("v9: support engineers and customer users") { db in
            try db.execute(sql: v9)
        }
        m.registerMigration("v10: case counts kept by the commands; the search index's merges in smaller steps") { db in
            try db.execute(sql: v10)
        }
        m.registerMigration("v11: unread cases") { db in
            try db.execute(sql: v11)
        }
        m.registerMigration("v12: whose turn and since when") { db in
            try db.execute(sql: v12)
        }
        m.registerMigration("v13: customers in name order") { db in
            try db.execute(sql: v13)
        }
        m.registerMigration("v14: Google Workspace licences from auto-licensing units") { db in
            try db.execute(sql: v14)
        }
        m.registerMigration("v15: the words of the keyword index") { db in
            try db.execute(sql: v15)
        }
        m.registerMigration("v16: search keys in sequence") { db in
            try db.execute(sql: v16)
        }
        m.registerMigration("v17: history's authors and kinds as numbers; the search index reads its text from the cases") { db in
            try db.execute(sql: v17)
        }
        m.registerMigration("v18: customers found by three letters of their name; each domain's customers counted") { db in
            try db.execute(sql: v18)
        }
        m.registerMigration("v19: each domain's cases counted whoever manages their customers") { db in
            try db.execute(sql: v19)
        }
        return m
    }

    // Times are INTEGER milliseconds since 1970 UTC. Status and severity are small integers
    // (CaseStatus.code, Severity.level) so the list indexes stay compact.
    static let v1 = """
    CREATE TABLE domain (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        kind TEXT NOT NULL CHECK (kind IN ('reseller','support-partner')),
        licence_pool INTEGER NOT NULL DEFAULT 50 CHECK (licence_pool >= 0),
        created_at INTEGER NOT NULL
    );
    CREATE TABLE org_unit (
        id INTEGER PRIMARY KEY,
        domain_id INTEGER NOT NULL REFERENCES domain(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        auto_licensing INTEGER NOT NULL DEFAULT 0,
        UNIQUE (domain_id, name)
    );
    CREATE TABLE role (
        id INTEGER PRIMARY KEY,
        domain_id INTEGER REFERENCES domain(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        privileges TEXT NOT NULL,
        UNIQUE (domain_id, name)
    );
    CREATE TABLE user (
        id INTEGER PRIMARY KEY,
        domain_id INTEGER NOT NULL REFERENCES domain(id) ON DELETE CASCADE,
        org_unit_id INTEGER REFERENCES org_unit(id) ON DELETE SET NULL,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        super_admin INTEGER NOT NULL DEFAULT 0,
        suspended INTEGER NOT NULL DEFAULT 0,
        licensed INTEGER NOT NULL DEFAULT 0,
        alert_address TEXT,
        language TEXT NOT NULL DEFAULT 'en',
        time_zone TEXT NOT NULL DEFAULT 'UTC',
        failed_sign_ins INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        created_at INTEGER NOT NULL
    );
    CREATE INDEX user_domain ON user(domain_id);
    CREATE TABLE user_role (
        user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
        role_id INTEGER NOT NULL REFERENCES role(id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, role_id)
    ) WITHOUT ROWID;
    CREATE TABLE session (
        id INTEGER PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        ended_at INTEGER
    );
    CREATE TABLE customer (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        primary_domain TEXT NOT NULL UNIQUE COLLATE NOCASE,
        tier TEXT NOT NULL CHECK (tier IN ('standard','enhanced','premium'))
    );
    CREATE TABLE customer_access (
        id INTEGER PRIMARY KEY,
        customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
        domain_id INTEGER NOT NULL REFERENCES domain(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('resold','support-only')),
        granted INTEGER NOT NULL DEFAULT 0,
        since INTEGER NOT NULL,
        until INTEGER
    );
    -- At most one current assignment per customer and domain; the visibility check reads this index.
    CREATE UNIQUE INDEX customer_access_current ON customer_access(customer_id, domain_id) WHERE until IS NULL;
    CREATE INDEX customer_access_domain ON customer_access(domain_id, until);
    CREATE TABLE support_case (
        id INTEGER PRIMARY KEY,
        number INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 10000000 AND 99999999),
        customer_id INTEGER NOT NULL REFERENCES customer(id),
        domain_id INTEGER NOT NULL REFERENCES domain(id),
        creator_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
        product TEXT NOT NULL,
        title TEXT NOT NULL,
        category TEXT NOT NULL,
        description TEXT NOT NULL,
        severity INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 4),
        status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 4),
        escalated INTEGER NOT NULL DEFAULT 0,
        language TEXT NOT NULL,
        time_zone TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        closed_at INTEGER
    );
    -- Each list order has an index that serves it exactly, tie-break included, so a page is an index walk.
    CREATE INDEX case_domain_updated ON support_case(domain_id, updated_at DESC, id DESC);
    CREATE INDEX case_domain_created ON support_case(domain_id, created_at DESC, id DESC);
    CREATE INDEX case_domain_severity ON support_case(domain_id, severity, updated_at DESC, id DESC);
    CREATE INDEX case_domain_status ON support_case(domain_id, status, updated_at DESC, id DESC);
    CREATE INDEX case_domain_open ON support_case(domain_id, updated_at DESC, id DESC) WHERE status < 4;
    CREATE INDEX case_customer_updated ON support_case(customer_id, domain_id, updated_at DESC, id DESC);
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        author TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX history_case ON history(case_id, at, id);
    CREATE TABLE attachment (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        size INTEGER NOT NULL CHECK (size <= 26214400),
        sha256 TEXT NOT NULL,
        data BLOB NOT NULL,
        added_at INTEGER NOT NULL,
        added_by TEXT NOT NULL,
        removed_at INTEGER
    );
    CREATE INDEX attachment_case ON attachment(case_id);
    CREATE TABLE sharing (
        case_id INTEGER NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        email TEXT NOT NULL,
        added_at INTEGER NOT NULL,
        PRIMARY KEY (case_id, email)
    ) WITHOUT ROWID;
    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        user_id INTEGER REFERENCES user(id) ON DELETE SET NULL,
        at INTEGER NOT NULL,
        screen TEXT NOT NULL,
        message TEXT NOT NULL
    );
    -- Keyword search: one row per case (rowid = case id); messages are appended as they arrive.
    CREATE VIRTUAL TABLE case_search USING fts5(
        number, title, description, messages,
        prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2'
    );
    """

    static let v2 = """
    -- One row per alert and recipient; delivery sets delivered_at, a failure counts an attempt and keeps the error.
    CREATE TABLE outbox (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        history_id INTEGER NOT NULL REFERENCES history(id) ON DELETE CASCADE,
        recipient TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        delivered_at INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        UNIQUE (history_id, recipient)
    );
    CREATE INDEX outbox_pending ON outbox(id) WHERE delivered_at IS NULL;
    """

    static let v3 = """
    -- Sign-ins, their refusals and every admin change: who, when, what, and how it ended.
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at INTEGER NOT NULL,
        domain_id INTEGER REFERENCES domain(id) ON DELETE CASCADE,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('ok','refused')),
        detail TEXT
    );
    CREATE INDEX audit_domain ON audit(domain_id, at);
    """

    static let v4 = """
    -- What a user is typing into a form, saved as they type so nothing is lost to a crash or a kill.
    CREATE TABLE draft (
        user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
        form TEXT NOT NULL,
        content TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (user_id, form)
    ) WITHOUT ROWID;
    """

    static let v5 = """
    -- Secondary domains of a reseller domain: its users may have addresses there too.
    CREATE TABLE secondary_domain (
        id INTEGER PRIMARY KEY,
        domain_id INTEGER NOT NULL REFERENCES domain(id) ON DELETE CASCADE,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE
    );
    """

    static let v6 = """
    -- Keyword search rows keyed by the default list order (SearchKey): rowid = updated_at << 21 | id, so the search
    -- index returns a word's newest matches first. The rows are copied in key order (the index is built in one pass).
    CREATE VIRTUAL TABLE case_search_keyed USING fts5(
        number, title, description, messages,
        prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO case_search_keyed (rowid, number, title, description, messages)
        SELECT \(PackedSearchKey.sql("c")) AS k, s.number, s.title, s.description, s.messages
        FROM case_search s JOIN support_case c ON c.id = s.rowid
        ORDER BY k;
    DROP TABLE case_search;
    ALTER TABLE case_search_keyed RENAME TO case_search;
    -- Whatever command changes a case's update time, its search row follows.
    \(searchTriggers)
    -- My Customers counts each customer's open cases: with thousands of customers, from this index alone.
    CREATE INDEX case_customer_open ON support_case(customer_id, domain_id) WHERE status < 4;
    """

    static let v7 = """
    -- A customer record belongs to the domains that hold it (customer_access): two reseller domains that add the same
    -- primary domain each get their own record, with their own name and tier, so adding a customer never tells one
    -- domain whether another manages it. The primary domain stays indexed for lookups, no longer unique.
    CREATE TABLE customer_v7 (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        primary_domain TEXT NOT NULL COLLATE NOCASE,
        tier TEXT NOT NULL CHECK (tier IN ('standard','enhanced','premium'))
    );
    INSERT INTO customer_v7 (id, name, primary_domain, tier) SELECT id, name, primary_domain, tier FROM customer;
    DROP TABLE customer;
    ALTER TABLE customer_v7 RENAME TO customer;
    CREATE INDEX customer_primary_domain ON customer(primary_domain);
    """

    static let v8 = """
    -- A bare word also finds the cases of a customer whose name or primary domain holds it (`harbor`): the search
    -- rows get a column of the customer, copied in key order like v6. The triggers are dropped first and made again
    -- (the same as v6's), so no trigger names a missing table while the new one takes the old one's name.
    DROP TRIGGER case_search_follows_update;
    DROP TRIGGER case_search_follows_delete;
    CREATE VIRTUAL TABLE case_search_v8 USING fts5(
        number, title, description, messages, customer,
        prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO case_search_v8 (rowid, number, title, description, messages, customer)
        SELECT s.rowid, s.number, s.title, s.description, s.messages, \(SearchKey.customerSQL("cu"))
        FROM case_search s JOIN support_case c ON c.id = \(PackedSearchKey.caseIDSQL("s.rowid")) JOIN customer cu ON cu.id = c.customer_id
        ORDER BY s.rowid;
    DROP TABLE case_search;
    ALTER TABLE case_search_v8 RENAME TO case_search;
    \(searchTriggers)
    """

    static let v9 = """
    -- Three kinds of account sign in: reseller users (in a domain, as before), support engineers (the provider: no
    -- domain) and customer users (of one customer; the domain whose cases they see is the one managing it now). The
    -- user table is made again (SQLite can't drop a NOT NULL) with the same ids, so sessions, roles and drafts follow.
    CREATE TABLE user_v9 (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL DEFAULT 'reseller' CHECK (kind IN ('reseller','support-engineer','customer')),
        domain_id INTEGER REFERENCES domain(id) ON DELETE CASCADE,
        customer_id INTEGER REFERENCES customer(id) ON DELETE CASCADE,
        org_unit_id INTEGER REFERENCES org_unit(id) ON DELETE SET NULL,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        name TEXT NOT NULL,
        password_hash TEXT NOT NULL,
        super_admin INTEGER NOT NULL DEFAULT 0,
        suspended INTEGER NOT NULL DEFAULT 0,
        licensed INTEGER NOT NULL DEFAULT 0,
        alert_address TEXT,
        language TEXT NOT NULL DEFAULT 'en',
        time_zone TEXT NOT NULL DEFAULT 'UTC',
        failed_sign_ins INTEGER NOT NULL DEFAULT 0,
        locked_until INTEGER,
        created_at INTEGER NOT NULL,
        CHECK ((kind = 'reseller') = (domain_id IS NOT NULL)),
        CHECK ((kind = 'customer') = (customer_id IS NOT NULL))
    );
    INSERT INTO user_v9 (id, kind, domain_id, org_unit_id, email, name, password_hash, super_admin, suspended, licensed,
                         alert_address, language, time_zone, failed_sign_ins, locked_until, created_at)
        SELECT id, 'reseller', domain_id, org_unit_id, email, name, password_hash, super_admin, suspended, licensed,
               alert_address, language, time_zone, failed_sign_ins, locked_until, created_at FROM user;
    DROP TABLE user;
    ALTER TABLE user_v9 RENAME TO user;
    CREATE INDEX user_domain ON user(domain_id);
    CREATE INDEX user_customer ON user(customer_id);
    -- The Support queue reads every domain's cases waiting on support (New, In progress), longest waiting first.
    CREATE INDEX case_waiting_on_support ON support_case(domain_id, updated_at DESC, id DESC) WHERE status < 2;
    """

    static let v10 = """
    -- How many cases each domain filed for each customer, per status, severity and escalation, kept by triggers: a
    -- count whose terms are all among these (a list's header, the views' counts) sums a few rows instead of walking
    -- up to 10,000 cases and reading each one's row for its visibility.
    CREATE TABLE case_tally (
        domain_id INTEGER NOT NULL,
        customer_id INTEGER NOT NULL,
        status INTEGER NOT NULL,
        severity INTEGER NOT NULL,
        escalated INTEGER NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (domain_id, customer_id, status, severity, escalated)
    ) WITHOUT ROWID;
    \(tallyFill)
    \(tallyTriggers)
    -- The search index merges a level once 8 segments wait there (FTS5's default: 4), a bit of it per write, and all
    -- at once only past 64 (default: 16). With the defaults a message could wait 7-12 s while one write merged the
    -- whole index (12,000 messages at 100,000 cases: the slowest write 7.7 s, 32.6 s in all; with these 1.1 s, 20.2 s).
    INSERT INTO case_search (case_search, rank) VALUES ('automerge', 8);
    INSERT INTO case_search (case_search, rank) VALUES ('crisismerge', 64);
    """

    static let v11 = """
    -- A case is unread for a user when someone else added an event since they last opened it (UnreadSQL): each event
    -- adds a row here for every other account that sees the case, opening it takes the user's row away. What happened
    -- before an account existed is read. Cases are never deleted, so case_id needs no index of its own.
    CREATE TABLE case_unread (
        user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
        case_id INTEGER NOT NULL,
        PRIMARY KEY (user_id, case_id)
    ) WITHOUT ROWID;
    -- The engineers, who see every case, found without reading every user.
    CREATE INDEX user_engineers ON user(id) WHERE kind = 'support-engineer';
    """

    static let v12 = """
    -- Since when each case waits on its side (WaitingOn): its filing, or the status change that moved it to another
    -- side. For the cases already here, their last status change (a change within a side, New → In progress, restarts
    -- their clock here, where the commands from now on keep it).
    ALTER TABLE support_case ADD COLUMN waiting_since INTEGER NOT NULL DEFAULT 0;
    UPDATE support_case SET waiting_since = coalesce(
        (SELECT max(h.at) FROM history h WHERE h.case_id = support_case.id AND h.kind = 'status-change'), created_at);
    -- The `waiting` order: waiting on you, then on support, then closed; the longest waiting first (WaitingSQL.rank).
    CREATE INDEX case_domain_waiting ON support_case(domain_id, \(WaitingSQL.rank("status")), waiting_since, id);
    """

    /// A user placed in a unit with auto-licensing on holds a Google Workspace licence too (the admin accepted it).
    static let v14 = """
    ALTER TABLE user ADD COLUMN workspace_licence INTEGER NOT NULL DEFAULT 0;
    """

    /// The keyword index's words, so a long prefix can be searched as the words it stands for (SearchVocabulary).
    static let v15 = """
    CREATE TABLE search_word (term TEXT PRIMARY KEY) WITHOUT ROWID;
    \(SearchVocabulary.fillSQL)
    """

    static let v16 = """
    -- Search rows keyed by a sequence in update order (SearchKey), kept in the case: a word's matches then differ by a
    -- few keys, where `updated_at << 21 | id` differed by millions (the index stores the differences: 237 → 128 MB at
    -- 100,000 cases), and ids past 2,097,152 keep their place in the order.
    ALTER TABLE support_case ADD COLUMN search_key INTEGER;
    CREATE TEMP TABLE search_key_v16 (id INTEGER PRIMARY KEY, key INTEGER NOT NULL, old INTEGER NOT NULL);
    INSERT INTO temp.search_key_v16 (id, key, old)
      SELECT c.id, row_number() OVER (ORDER BY c.updated_at, c.id), \(PackedSearchKey.sql("c")) FROM support_case c;
    CREATE INDEX temp.search_key_v16_old ON search_key_v16(old);
    UPDATE support_case SET search_key = (SELECT k.key FROM temp.search_key_v16 k WHERE k.id = support_case.id);
    DROP TRIGGER case_search_follows_update;
    DROP TRIGGER case_search_follows_delete;
    CREATE VIRTUAL TABLE case_search_v16 USING fts5(
        number, title, description, messages, customer,
        prefix = '2 3', tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO case_search_v16 (case_search_v16, rank) VALUES ('hashsize', 67108864);
    INSERT INTO case_search_v16 (rowid, number, title, description, messages, customer)
      SELECT k.key, s.c0, s.c1, s.c2, s.c3, s.c4 FROM temp.search_key_v16 k JOIN case_search_content s ON s.id = k.old
      ORDER BY k.key;
    INSERT INTO case_search_v16 (case_search_v16, rank) VALUES ('hashsize', 1048576);
    INSERT INTO case_search_v16 (case_search_v16) VALUES ('optimize');
    INSERT INTO case_search_v16 (case_search_v16, rank) VALUES ('automerge', 8);
    INSERT INTO case_search_v16 (case_search_v16, rank) VALUES ('crisismerge', 64);
    DROP TABLE case_search;
    ALTER TABLE case_search_v16 RENAME TO case_search;
    DROP TABLE temp.search_key_v16;
    -- A key's case and domain (a search-order walk turns other domains' matches away here), and the lists' indexes
    -- with the key, so the keys of a term's cases come from an index alone (TermStream).
    CREATE INDEX case_search_key ON support_case(search_key, domain_id);
    DROP INDEX case_domain_updated;
    CREATE INDEX case_domain_updated ON support_case(domain_id, updated_at DESC, id DESC, search_key);
    DROP INDEX case_customer_updated;
    CREATE INDEX case_customer_updated ON support_case(customer_id, domain_id, updated_at DESC, id DESC, search_key);
    DROP INDEX case_domain_severity;
    CREATE INDEX case_domain_severity ON support_case(domain_id, severity, updated_at DESC, id DESC, search_key);
    DROP INDEX case_domain_status;
    CREATE INDEX case_domain_status ON support_case(domain_id, status, updated_at DESC, id DESC, search_key);
    DROP INDEX case_domain_open;
    CREATE INDEX case_domain_open ON support_case(domain_id, updated_at DESC, id DESC, search_key) WHERE status < 4;
    DROP INDEX case_waiting_on_support;
    CREATE INDEX case_waiting_on_support ON support_case(domain_id, updated_at DESC, id DESC, search_key) WHERE status < 2;
    DROP INDEX case_domain_escalated;
    CREATE INDEX case_domain_escalated ON support_case(domain_id, updated_at DESC, id DESC, search_key) WHERE escalated = 1;
    -- The search row follows its case's key (set by the commands, SearchKey.next) and goes with the case.
    CREATE TRIGGER case_search_follows_key AFTER UPDATE OF search_key ON support_case
    WHEN OLD.search_key IS NOT NULL AND NEW.search_key IS NOT OLD.search_key
    BEGIN
        UPDATE case_search SET rowid = NEW.search_key WHERE rowid = OLD.search_key;
    END;
    CREATE TRIGGER case_search_follows_delete AFTER DELETE ON support_case
    BEGIN
        DELETE FROM case_search WHERE rowid = OLD.search_key;
    END;
    -- An update time changed without a key (not by the commands): the next key if the case now comes after every
    -- other case, else -id, which keyword lists read without relying on the order (KeywordPlan.keysOrdered).
    CREATE TRIGGER case_search_key_follows_time AFTER UPDATE OF updated_at ON support_case
    WHEN NEW.search_key IS OLD.search_key AND NEW.search_key IS NOT NULL AND NEW.updated_at IS NOT OLD.updated_at
    BEGIN
        UPDATE support_case SET search_key = CASE
            WHEN coalesce((NEW.updated_at, NEW.id) > (SELECT x.updated_at, x.id FROM support_case x INDEXED BY case_search_key
                                                     WHERE x.search_key IS NOT NULL AND x.id <> NEW.id
                                                     ORDER BY x.search_key DESC LIMIT 1), 1)
            THEN max((SELECT max(search_key) FROM support_case), 0) + 1
            ELSE -NEW.id END
        WHERE id = NEW.id;
    END;
    """

    static let v17 = """
    -- History keeps each author's name once and each kind as its code (HistoryCode): 47 of a row's 127 bytes were the
    -- two as text. `history` is a view with the names and kinds as before, which reads and other tools' writes go
    -- through (a write adds a new author's name); the commands and the demo write history_event themselves.
    CREATE TABLE history_author (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
    CREATE TABLE history_event (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        at INTEGER NOT NULL,
        author_id INTEGER NOT NULL REFERENCES history_author(id),
        kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND \(HistoryCode.kinds.count - 1)),
        text TEXT NOT NULL
    );
    INSERT INTO history_author (name) SELECT DISTINCT author FROM history ORDER BY author;
    INSERT INTO history_event (id, case_id, at, author_id, kind, text)
      SELECT h.id, h.case_id, h.at, a.id, \(HistoryCode.codeSQL("h.kind")), h.text
      FROM history h JOIN history_author a ON a.name = h.author ORDER BY h.id;
    DROP TABLE history;
    CREATE INDEX history_case ON history_event(case_id, at, id);
    CREATE VIEW history AS
      SELECT e.id, e.case_id, e.at, a.name AS author, \(HistoryCode.kindSQL("e.kind")) AS kind, e.text
      FROM history_event e JOIN history_author a ON a.id = e.author_id;
    CREATE TRIGGER history_insert INSTEAD OF INSERT ON history
    BEGIN
        INSERT OR IGNORE INTO history_author (name) VALUES (NEW.author);
        INSERT INTO history_event (id, case_id, at, author_id, kind, text)
          VALUES (NEW.id, NEW.case_id, NEW.at, (SELECT id FROM history_author WHERE name = NEW.author),
                  \(HistoryCode.codeSQL("NEW.kind")), NEW.text);
    END;
    CREATE TRIGGER history_update INSTEAD OF UPDATE ON history
    BEGIN
        INSERT OR IGNORE INTO history_author (name) VALUES (NEW.author);
        UPDATE history_event SET id = NEW.id, case_id = NEW.case_id, at = NEW.at,
          author_id = (SELECT id FROM history_author WHERE name = NEW.author), kind = \(HistoryCode.codeSQL("NEW.kind")), text = NEW.text
        WHERE id = OLD.id;
    END;
    CREATE TRIGGER history_delete INSTEAD OF DELETE ON history
    BEGIN
        DELETE FROM history_event WHERE id = OLD.id;
    END;
    -- An alert's event is a row of history_event now.
    CREATE TABLE outbox_v17 (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES support_case(id) ON DELETE CASCADE,
        history_id INTEGER NOT NULL REFERENCES history_event(id) ON DELETE CASCADE,
        recipient TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        delivered_at INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        UNIQUE (history_id, recipient)
    );
    INSERT INTO outbox_v17 (id, case_id, history_id, recipient, created_at, delivered_at, attempts, last_error)
      SELECT id, case_id, history_id, recipient, created_at, delivered_at, attempts, last_error FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_v17 RENAME TO outbox;
    CREATE INDEX outbox_pending ON outbox(id) WHERE delivered_at IS NULL;

    -- The search index keeps no copy of its text (887 of 4,560 MB at 1,000,000 cases): it reads a case's words from
    -- the case, its customer and its messages (case_search_source). A row leaves the index with the words it went in
    -- with, so the case keeps what they were: its fields, and `indexed_through`, the last of its history in the row.
    -- One prefix index, of three characters (a two-character prefix is an OR of the three-character ones that follow
    -- it, SearchVocabulary): each prefix index held as many postings as the words themselves.
    ALTER TABLE support_case ADD COLUMN indexed_through INTEGER NOT NULL DEFAULT 0;
    UPDATE support_case SET indexed_through = coalesce((SELECT max(h.id) FROM history_event h WHERE h.case_id = support_case.id), 0);
    CREATE VIEW case_search_source AS
      SELECT c.search_key, c.id AS case_id, c.customer_id, c.number, c.title, c.description,
             \(SearchSource.messagesSQL(case: "c.id", through: "c.indexed_through")) AS messages,
             \(SearchKey.customerSQL("cu")) AS customer
      FROM support_case c JOIN customer cu ON cu.id = c.customer_id
      WHERE c.search_key IS NOT NULL;
    DROP TRIGGER case_search_follows_key;
    DROP TRIGGER case_search_follows_delete;
    DROP TABLE case_search;
    CREATE VIRTUAL TABLE case_search USING fts5(
        number, title, description, messages, customer,
        content = 'case_search_source', content_rowid = 'search_key',
        prefix = '3', tokenize = 'unicode61 remove_diacritics 2'
    );
    INSERT INTO case_search (case_search, rank) VALUES ('hashsize', 67108864);
    \(SearchSource.indexSQL(where: "1"));
    INSERT INTO case_search (case_search, rank) VALUES ('hashsize', 1048576);
    INSERT INTO case_search (case_search) VALUES ('optimize');
    INSERT INTO case_search (case_search, rank) VALUES ('automerge', 8);
    INSERT INTO case_search (case_search, rank) VALUES ('crisismerge', 64);
    -- A case's row moves with its key and takes its new words (the commands set key and indexed_through together,
    -- one change of the index per command); the old words are the row's before the update.
    CREATE TRIGGER case_search_follows_case
    AFTER UPDATE OF search_key, indexed_through, number, title, description, customer_id ON support_case
    WHEN OLD.search_key IS NOT NULL AND (NEW.search_key IS NOT OLD.search_key OR NEW.indexed_through IS NOT OLD.indexed_through
      OR NEW.number IS NOT OLD.number OR NEW.title IS NOT OLD.title OR NEW.description IS NOT OLD.description
      OR NEW.customer_id IS NOT OLD.customer_id)
    BEGIN
        INSERT INTO case_search (case_search, rowid, number, title, description, messages, customer)
          SELECT 'delete', OLD.search_key, OLD.number, OLD.title, OLD.description,
                 \(SearchSource.messagesSQL(case: "OLD.id", through: "OLD.indexed_through")), \(SearchKey.customerSQL("cu"))
          FROM customer cu WHERE cu.id = OLD.customer_id;
        \(SearchSource.indexSQL(where: "search_key = NEW.search_key"));
    END;
    CREATE TRIGGER case_search_follows_delete BEFORE DELETE ON support_case WHEN OLD.search_key IS NOT NULL
    BEGIN
        INSERT INTO case_search (case_search, rowid, number, title, description, messages, customer)
          SELECT 'delete', search_key, number, title, description, messages, customer
          FROM case_search_source WHERE search_key = OLD.search_key;
    END;
    CREATE TRIGGER case_search_follows_customer AFTER UPDATE OF name, primary_domain ON customer
    WHEN NEW.name IS NOT OLD.name OR NEW.primary_domain IS NOT OLD.primary_domain
    BEGIN
        INSERT INTO case_search (case_search, rowid, number, title, description, messages, customer)
          SELECT 'delete', search_key, number, title, description, messages, \(SearchKey.customerSQL("OLD"))
          FROM case_search_source WHERE customer_id = NEW.id;
        \(SearchSource.indexSQL(where: "customer_id = NEW.id"));
    END;
    """

    static let v13 = """
    -- My Customers in name order, read a page at a time (CustomerPageSQL): a domain that manages many of the
    -- customers walks them in this order and stops after a page, instead of sorting all of its own.
    CREATE INDEX customer_name ON customer(name COLLATE NOCASE, id);
    -- A domain's escalated cases in update order (under 1 % of its cases): `is:escalated` with a keyword walks these
    -- and tests the keyword, where the search order walked 10,000 matches and gave up (231 ms at 1,000,000 cases).
    CREATE INDEX case_domain_escalated ON support_case(domain_id, updated_at DESC, id DESC) WHERE escalated = 1;
    -- A search of My Customers is matched against each domain's customers in memory (CustomerDirectory): a scan of
    -- 6,668 customers in SQL took 13-45 ms a keystroke. The generation says when a domain's list must be read again;
    -- the triggers move it in the transaction of every change to what the search looks at.
    CREATE TABLE customer_generation (
        domain_id INTEGER PRIMARY KEY,
        n INTEGER NOT NULL
    );
    CREATE TRIGGER customer_generation_access_insert AFTER INSERT ON customer_access
    BEGIN
        INSERT INTO customer_generation VALUES (NEW.domain_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER customer_generation_access_update AFTER UPDATE ON customer_access
    BEGIN
        INSERT INTO customer_generation VALUES (OLD.domain_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
        INSERT INTO customer_generation VALUES (NEW.domain_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER customer_generation_access_delete AFTER DELETE ON customer_access
    BEGIN
        INSERT INTO customer_generation VALUES (OLD.domain_id, 1) ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER customer_generation_customer_update AFTER UPDATE OF name, primary_domain, tier ON customer
    BEGIN
        INSERT INTO customer_generation SELECT DISTINCT domain_id, 1 FROM customer_access WHERE customer_id = NEW.id
            ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    """

    /// Counts every case into case_tally (v10; `careportal demo` after its bulk load). Part of migration v10: frozen.
    static let tallyFill = """
    INSERT INTO case_tally (domain_id, customer_id, status, severity, escalated, n)
        SELECT domain_id, customer_id, status, severity, escalated, COUNT(*) FROM support_case
        GROUP BY domain_id, customer_id, status, severity, escalated;
    """

    /// The tally follows every insert, delete and change of a counted column. Part of migration v10: frozen.
    static let tallyTriggers = """
    CREATE TRIGGER case_tally_insert AFTER INSERT ON support_case
    BEGIN
        INSERT INTO case_tally VALUES (NEW.domain_id, NEW.customer_id, NEW.status, NEW.severity, NEW.escalated, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    CREATE TRIGGER case_tally_delete AFTER DELETE ON support_case
    BEGIN
        UPDATE case_tally SET n = n - 1 WHERE domain_id = OLD.domain_id AND customer_id = OLD.customer_id
            AND status = OLD.status AND severity = OLD.severity AND escalated = OLD.escalated;
    END;
    CREATE TRIGGER case_tally_update AFTER UPDATE OF domain_id, customer_id, status, severity, escalated ON support_case
    WHEN (OLD.domain_id, OLD.customer_id, OLD.status, OLD.severity, OLD.escalated)
         IS NOT (NEW.domain_id, NEW.customer_id, NEW.status, NEW.severity, NEW.escalated)
    BEGIN
        UPDATE case_tally SET n = n - 1 WHERE domain_id = OLD.domain_id AND customer_id = OLD.customer_id
            AND status = OLD.status AND severity = OLD.severity AND escalated = OLD.escalated;
        INSERT INTO case_tally VALUES (NEW.domain_id, NEW.customer_id, NEW.status, NEW.severity, NEW.escalated, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
    END;
    """

    /// The search row follows its case: moved when the update time changes, deleted with it (v6, made again by v8).
    /// Part of migrations v6 and v8: frozen.
    static let searchTriggers = """
    CREATE TRIGGER case_search_follows_update AFTER UPDATE OF id, updated_at ON support_case
    WHEN \(PackedSearchKey.sql("OLD")) <> \(PackedSearchKey.sql("NEW"))
    BEGIN
        UPDATE case_search SET rowid = \(PackedSearchKey.sql("NEW")) WHERE rowid = \(PackedSearchKey.sql("OLD"));
    END;
    CREATE TRIGGER case_search_follows_delete AFTER DELETE ON support_case
    BEGIN
        DELETE FROM case_search WHERE rowid = \(PackedSearchKey.sql("OLD"));
    END;
    """
}
