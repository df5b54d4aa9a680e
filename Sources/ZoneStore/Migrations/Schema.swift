/// The numbered migrations. Never edit a released step; add a new one.
enum Schema {
    static let migrations: [Migration] = [
        Migration(1, "register") { _ in
            [
                "CREATE TABLE zones (id {pk}, code TEXT NOT NULL UNIQUE, name TEXT NOT NULL)",
                """
                CREATE TABLE units (
                    id {pk}, zone_id BIGINT NOT NULL REFERENCES zones(id), parent_id BIGINT REFERENCES units(id),
                    name TEXT NOT NULL, kind TEXT NOT NULL, org_type TEXT NOT NULL, funding TEXT,
                    rank TEXT NOT NULL DEFAULT '', is_economic BIGINT NOT NULL DEFAULT 0,
                    sort_order BIGINT NOT NULL DEFAULT 0, version BIGINT NOT NULL DEFAULT 1)
                """,
                "CREATE INDEX units_zone_parent ON units (zone_id, parent_id)",
                """
                CREATE TABLE establishments (
                    unit_id BIGINT NOT NULL REFERENCES units(id), category TEXT NOT NULL,
                    quota BIGINT NOT NULL CHECK (quota >= 0), PRIMARY KEY (unit_id, category))
                """,
                """
                CREATE TABLE people (
                    id {pk}, zone_id BIGINT NOT NULL REFERENCES zones(id), unit_id BIGINT NOT NULL REFERENCES units(id),
                    name TEXT NOT NULL, id_number TEXT NOT NULL, gender TEXT NOT NULL, birth_date TEXT NOT NULL,
                    phone TEXT, establishment TEXT NOT NULL, archive_post TEXT NOT NULL DEFAULT '',
                    archive_rank TEXT NOT NULL DEFAULT '', status TEXT NOT NULL,
                    version BIGINT NOT NULL DEFAULT 1, created_at TEXT NOT NULL, updated_at TEXT NOT NULL,
                    UNIQUE (zone_id, id_number))
                """,
                "CREATE INDEX people_unit ON people (unit_id)",
                "CREATE INDEX people_zone_name ON people (zone_id, name)",
            ]
        },
        Migration(2, "accounts_sessions") { _ in
            [
                """
                CREATE TABLE accounts (
                    id {pk}, username TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, password_hash TEXT NOT NULL,
                    role TEXT NOT NULL, zone_id BIGINT REFERENCES zones(id), unit_id BIGINT REFERENCES units(id),
                    person_id BIGINT REFERENCES people(id), must_change_password BIGINT NOT NULL DEFAULT 1,
                    failed_attempts BIGINT NOT NULL DEFAULT 0, locked_until BIGINT NOT NULL DEFAULT 0,
                    active BIGINT NOT NULL DEFAULT 1, version BIGINT NOT NULL DEFAULT 1, created_at TEXT NOT NULL)
                """,
                """
                CREATE TABLE sessions (
                    token_hash TEXT PRIMARY KEY, account_id BIGINT NOT NULL REFERENCES accounts(id),
                    csrf_token TEXT NOT NULL, created_at BIGINT NOT NULL, last_seen_at BIGINT NOT NULL)
                """,
                "CREATE INDEX sessions_account ON sessions (account_id)",
            ]
        },
        Migration(3, "audit_log") { backend in
            let table = """
                CREATE TABLE audit_log (
                    seq BIGINT PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                    entity TEXT NOT NULL, entity_id TEXT NOT NULL, detail TEXT NOT NULL,
                    prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
                """
            // Append-only at the database too: updates and deletes are refused by triggers. The hash
            // chain still catches edits made around them (a copied file, a dropped trigger).
            switch backend {
            case .sqlite:
                return [
                    table,
                    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                ]
            case .postgres:
                return [
                    table,
                    """
                    CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$
                    """,
                    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
                    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()",
                ]
            }
        },
        Migration(4, "quotas") { _ in
            [
                "ALTER TABLE people ADD COLUMN leadership_rank TEXT",
                "ALTER TABLE units ADD COLUMN flat_staffing BIGINT NOT NULL DEFAULT 0",
                "ALTER TABLE units ADD COLUMN abolished BIGINT NOT NULL DEFAULT 0",
                """
                CREATE TABLE leadership_quotas (
                    unit_id BIGINT NOT NULL REFERENCES units(id), class TEXT NOT NULL,
                    quota BIGINT NOT NULL CHECK (quota >= 0), PRIMARY KEY (unit_id, class))
                """,
                """
                CREATE TABLE quota_approvals (
                    id {pk}, unit_id BIGINT NOT NULL REFERENCES units(id), kind TEXT NOT NULL, class TEXT NOT NULL,
                    extra BIGINT NOT NULL CHECK (extra > 0), doc_number TEXT NOT NULL, approver TEXT NOT NULL,
                    approved_on TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', created_by TEXT NOT NULL, created_at TEXT NOT NULL)
                """,
                "CREATE INDEX quota_approvals_unit ON quota_approvals (unit_id)",
            ]
        },
        Migration(5, "restructuring_plans") { _ in
            [
                """
                CREATE TABLE plans (
                    id {pk}, zone_id BIGINT NOT NULL REFERENCES zones(id), name TEXT NOT NULL, status TEXT NOT NULL,
                    document TEXT NOT NULL, version BIGINT NOT NULL DEFAULT 1, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
                    approved_by TEXT, approved_at TEXT, applied_by TEXT, applied_at TEXT)
                """,
                "CREATE INDEX plans_zone ON plans (zone_id)",
            ]
        },
        Migration(6, "plan_outcome_and_departures") { _ in
            [
                "ALTER TABLE plans ADD COLUMN outcome TEXT",
                "ALTER TABLE people ADD COLUMN departure TEXT",
                "ALTER TABLE people ADD COLUMN departed_on TEXT",
            ]
        },
        Migration(7, "posts_and_rounds") { _ in
            [
                """
                CREATE TABLE posts (
                    id {pk}, zone_id BIGINT NOT NULL REFERENCES zones(id), unit_id BIGINT NOT NULL REFERENCES units(id),
                    title TEXT NOT NULL, level BIGINT NOT NULL, category TEXT NOT NULL, pay_coefficient_milli BIGINT NOT NULL,
                    requirements TEXT NOT NULL DEFAULT '', headcount BIGINT NOT NULL, term_years BIGINT NOT NULL,
                    leadership_rank TEXT, active BIGINT NOT NULL DEFAULT 1, version BIGINT NOT NULL DEFAULT 1)
                """,
                "CREATE INDEX posts_unit ON posts (unit_id)",
                """
                CREATE TABLE rounds (
                    id {pk}, zone_id BIGINT NOT NULL REFERENCES zones(id), name TEXT NOT NULL, status TEXT NOT NULL,
                    deadline TEXT NOT NULL, result TEXT, version BIGINT NOT NULL DEFAULT 1,
                    created_by TEXT NOT NULL, created_at TEXT NOT NULL)
                """,
                """
                CREATE TABLE round_posts (
                    round_id BIGINT NOT NULL REFERENCES rounds(id), post_id BIGINT NOT NULL REFERENCES posts(id),
                    method TEXT NOT NULL, capacity BIGINT NOT NULL CHECK (capacity >= 0), exam_weight BIGINT NOT NULL DEFAULT 50,
                    PRIMARY KEY (round_id, post_id))
                """,
                """
                CREATE TABLE round_entries (
                    round_id BIGINT NOT NULL REFERENCES rounds(id), kind TEXT NOT NULL, person_id BIGINT NOT NULL REFERENCES people(id),
                    post_id BIGINT NOT NULL REFERENCES posts(id), position BIGINT NOT NULL DEFAULT 0,
                    exam BIGINT NOT NULL DEFAULT 0, interview BIGINT NOT NULL DEFAULT 0,
                    PRIMARY KEY (round_id, kind, person_id, post_id))
                """,
                """
                CREATE TABLE appointments (
                    id {pk}, person_id BIGINT NOT NULL REFERENCES people(id), post_id BIGINT NOT NULL REFERENCES posts(id),
                    round_id BIGINT REFERENCES rounds(id), starts_on TEXT NOT NULL, ends_on TEXT NOT NULL, ended BIGINT NOT NULL DEFAULT 0)
                """,
                "CREATE INDEX appointments_person ON appointments (person_id)",
                "ALTER TABLE people ADD COLUMN post_id BIGINT REFERENCES posts(id)",
                "ALTER TABLE people ADD COLUMN waiting_until TEXT",
            ]
        },
        Migration(8, "round_publicity") { _ in
            ["ALTER TABLE rounds ADD COLUMN publicity_ends TEXT"]
        },
        Migration(9, "policies_appraisal_pay") { _ in
            [
                """
                CREATE TABLE zone_policies (
                    zone_id BIGINT NOT NULL REFERENCES zones(id), version BIGINT NOT NULL, document TEXT NOT NULL,
                    loaded_at TEXT NOT NULL, loaded_by TEXT NOT NULL, PRIMARY KEY (zone_id, version))
                """,
                """
                CREATE TABLE appraisals (
                    id {pk}, zone_id BIGINT NOT NULL REFERENCES zones(id), year BIGINT NOT NULL, name TEXT NOT NULL,
                    status TEXT NOT NULL, policy_version BIGINT NOT NULL, publicity_ends TEXT, computed_at TEXT,
                    version BIGINT NOT NULL DEFAULT 1, created_by TEXT NOT NULL, created_at TEXT NOT NULL, UNIQUE (zone_id, year))
                """,
                """
                CREATE TABLE indicators (
                    id {pk}, appraisal_id BIGINT NOT NULL REFERENCES appraisals(id), parent_id BIGINT REFERENCES indicators(id),
                    level TEXT NOT NULL, unit_id BIGINT REFERENCES units(id), person_id BIGINT REFERENCES people(id),
                    name TEXT NOT NULL, measure TEXT NOT NULL DEFAULT '', weight BIGINT NOT NULL, rule TEXT NOT NULL,
                    data_source TEXT NOT NULL DEFAULT '', owner TEXT NOT NULL DEFAULT '', cycle TEXT NOT NULL, actual BIGINT)
                """,
                "CREATE INDEX indicators_appraisal ON indicators (appraisal_id, level)",
                """
                CREATE TABLE appraisal_inputs (
                    appraisal_id BIGINT NOT NULL REFERENCES appraisals(id), person_id BIGINT NOT NULL REFERENCES people(id),
                    peer360 BIGINT NOT NULL, leader BIGINT NOT NULL, worklog_submitted BIGINT NOT NULL,
                    worklog_required BIGINT NOT NULL, seniority_months BIGINT NOT NULL, PRIMARY KEY (appraisal_id, person_id))
                """,
                """
                CREATE TABLE appraisal_exemptions (
                    appraisal_id BIGINT NOT NULL REFERENCES appraisals(id), person_id BIGINT NOT NULL REFERENCES people(id),
                    indicator_id BIGINT NOT NULL REFERENCES indicators(id), reason TEXT NOT NULL, approver TEXT NOT NULL,
                    recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL, PRIMARY KEY (appraisal_id, person_id, indicator_id))
                """,
                """
                CREATE TABLE appraisal_cap_approvals (
                    appraisal_id BIGINT NOT NULL REFERENCES appraisals(id), group_key BIGINT NOT NULL, document TEXT NOT NULL,
                    recorded_by TEXT NOT NULL, PRIMARY KEY (appraisal_id, group_key))
                """,
                """
                CREATE TABLE department_results (
                    appraisal_id BIGINT NOT NULL REFERENCES appraisals(id), unit_id BIGINT NOT NULL REFERENCES units(id),
                    score BIGINT, coefficient_milli BIGINT NOT NULL, PRIMARY KEY (appraisal_id, unit_id))
                """,
                """
                CREATE TABLE appraisal_results (
                    appraisal_id BIGINT NOT NULL REFERENCES appraisals(id), person_id BIGINT NOT NULL REFERENCES people(id),
                    unit_id BIGINT NOT NULL REFERENCES units(id), group_key BIGINT NOT NULL, kpi BIGINT NOT NULL,
                    worklog BIGINT NOT NULL, score BIGINT NOT NULL, grade TEXT NOT NULL, computed_grade TEXT NOT NULL,
                    bottom_band BIGINT NOT NULL, vetoed BIGINT NOT NULL, flagged BIGINT NOT NULL, PRIMARY KEY (appraisal_id, person_id))
                """,
                """
                CREATE TABLE appraisal_groups (
                    appraisal_id BIGINT NOT NULL REFERENCES appraisals(id), group_key BIGINT NOT NULL, size BIGINT NOT NULL,
                    vetoed BIGINT NOT NULL, approved_cap BIGINT NOT NULL, rounded_cap BIGINT NOT NULL, cap_count BIGINT NOT NULL,
                    floor_count BIGINT NOT NULL, eligible BIGINT NOT NULL, top BIGINT NOT NULL, ties TEXT NOT NULL DEFAULT '',
                    PRIMARY KEY (appraisal_id, group_key))
                """,
                """
                CREATE TABLE appraisal_objections (
                    id {pk}, appraisal_id BIGINT NOT NULL REFERENCES appraisals(id), person_id BIGINT NOT NULL REFERENCES people(id),
                    reason TEXT NOT NULL, status TEXT NOT NULL, reply TEXT, new_grade TEXT, filed_by TEXT NOT NULL, filed_at TEXT NOT NULL,
                    decided_by TEXT, decided_at TEXT)
                """,
                """
                CREATE TABLE consequence_proposals (
                    id {pk}, appraisal_id BIGINT NOT NULL REFERENCES appraisals(id), person_id BIGINT NOT NULL REFERENCES people(id),
                    action TEXT NOT NULL, reason TEXT NOT NULL, decision TEXT, note TEXT, decided_by TEXT, decided_at TEXT)
                """,
                """
                CREATE TABLE pay_runs (
                    id {pk}, zone_id BIGINT NOT NULL REFERENCES zones(id), period TEXT NOT NULL,
                    appraisal_id BIGINT NOT NULL REFERENCES appraisals(id), status TEXT NOT NULL, pool_fen BIGINT NOT NULL,
                    paid_fen BIGINT NOT NULL, unallocated_fen BIGINT NOT NULL, reward_fen BIGINT NOT NULL, headcount BIGINT NOT NULL,
                    pool_basis TEXT NOT NULL, checksum TEXT NOT NULL, corrects_id BIGINT REFERENCES pay_runs(id),
                    version BIGINT NOT NULL DEFAULT 1, created_by TEXT NOT NULL, created_at TEXT NOT NULL,
                    approved_by TEXT, approved_at TEXT, locked_by TEXT, locked_at TEXT)
                """,
                // At most one run in preparation and one paid run per period: the database itself
                // refuses a second payment, whatever the code above it does.
                "CREATE UNIQUE INDEX pay_runs_open ON pay_runs (zone_id, period) WHERE status IN ('preview', 'approved')",
                "CREATE UNIQUE INDEX pay_runs_paid ON pay_runs (zone_id, period) WHERE status = 'locked'",
                """
                CREATE TABLE pay_packages (
                    run_id BIGINT NOT NULL REFERENCES pay_runs(id), unit_id BIGINT REFERENCES units(id),
                    headcount BIGINT NOT NULL, coefficient_milli BIGINT NOT NULL, package_fen BIGINT NOT NULL,
                    unallocated_fen BIGINT NOT NULL)
                """,
                // unit_id is NULL for the one zone-wide package of a policy without department packages.
                "CREATE INDEX pay_packages_run ON pay_packages (run_id)",
                """
                CREATE TABLE pay_lines (
                    run_id BIGINT NOT NULL REFERENCES pay_runs(id), person_id BIGINT NOT NULL REFERENCES people(id),
                    unit_id BIGINT NOT NULL REFERENCES units(id), post_coefficient_milli BIGINT NOT NULL, score BIGINT NOT NULL,
                    grade TEXT NOT NULL, performance_fen BIGINT NOT NULL, reward_fen BIGINT NOT NULL, total_fen BIGINT NOT NULL,
                    PRIMARY KEY (run_id, person_id))
                """,
                "CREATE INDEX pay_lines_person ON pay_lines (person_id)",
                """
                CREATE TABLE pay_rewards (
                    id {pk}, zone_id BIGINT NOT NULL REFERENCES zones(id), period TEXT NOT NULL,
                    person_id BIGINT NOT NULL REFERENCES people(id), amount_fen BIGINT NOT NULL CHECK (amount_fen > 0),
                    reason TEXT NOT NULL, approval TEXT NOT NULL, recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL)
                """,
            ]
        },
        Migration(10, "post_validity_candidates_objections") { _ in
            [
                "ALTER TABLE posts ADD COLUMN valid_from TEXT",
                "ALTER TABLE posts ADD COLUMN valid_to TEXT",
                // 社会招聘: external candidates are not people until hired; person_id is set on confirmation.
                """
                CREATE TABLE round_candidates (
                    id {pk}, round_id BIGINT NOT NULL REFERENCES rounds(id), post_id BIGINT NOT NULL REFERENCES posts(id),
                    name TEXT NOT NULL, id_number TEXT NOT NULL, gender TEXT NOT NULL, birth_date TEXT NOT NULL, phone TEXT NOT NULL,
                    score BIGINT, person_id BIGINT REFERENCES people(id), created_by TEXT NOT NULL, created_at TEXT NOT NULL,
                    UNIQUE (round_id, id_number))
                """,
                """
                CREATE TABLE round_objections (
                    id {pk}, round_id BIGINT NOT NULL REFERENCES rounds(id), person_id BIGINT NOT NULL REFERENCES people(id),
                    reason TEXT NOT NULL, status TEXT NOT NULL, reply TEXT NOT NULL DEFAULT '', filed_by TEXT NOT NULL,
                    filed_at TEXT NOT NULL, reviewed_by TEXT, reviewed_at TEXT)
                """,
                "CREATE INDEX round_objections_round ON round_objections (round_id, status)",
            ]
        },
        // 改革台账: one table for every ledger. Columns differ per ledger (LedgerKind.fields) and rows
        // are entered by hand, so values live in a canonical JSON document; unit and person are real
        // columns because they decide who may see a row, and natural_key lets the database refuse a
        // second 专班 for a firm or a second log for a person's month.
        Migration(11, "ledgers") { _ in
            [
                """
                CREATE TABLE ledger_entries (
                    id {pk}, zone_id BIGINT NOT NULL REFERENCES zones(id), kind TEXT NOT NULL,
                    unit_id BIGINT REFERENCES units(id), person_id BIGINT REFERENCES people(id), natural_key TEXT,
                    document TEXT NOT NULL, version BIGINT NOT NULL DEFAULT 1,
                    created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL)
                """,
                "CREATE INDEX ledger_entries_zone_kind ON ledger_entries (zone_id, kind)",
                "CREATE UNIQUE INDEX ledger_entries_natural ON ledger_entries (zone_id, kind, natural_key)",
                "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)",
            ]
        },
        // A round applies the rules (tie order, 待岗 period) of the policy version current when it
        // was created; rounds made before this step take the zone's newest version, which is the one
        // they were computed under. People get 参加工作时间 for the seniority tie rule.
        Migration(12, "round_policy_version_work_start") { _ in
            [
                "ALTER TABLE rounds ADD COLUMN policy_version BIGINT",
                "UPDATE rounds SET policy_version = (SELECT MAX(version) FROM zone_policies p WHERE p.zone_id = rounds.zone_id)",
                "ALTER TABLE people ADD COLUMN work_started_on TEXT",
            ]
        },
        // 节假日安排: the State Council's yearly notices as data (WorkingDays(notices:)); years without one
        // fall back to the statutory days. Seeded with the 2025 and 2026 notices.
        Migration(13, "holiday_calendar") { backend in
            [
                """
                CREATE TABLE holiday_notices (
                    year BIGINT PRIMARY KEY, source TEXT NOT NULL, loaded_by TEXT NOT NULL, loaded_at TEXT NOT NULL)
                """,
                """
                CREATE TABLE holiday_days (
                    day TEXT PRIMARY KEY, year BIGINT NOT NULL REFERENCES holiday_notices(year),
                    kind TEXT NOT NULL CHECK (kind IN ('off', 'work')), name TEXT NOT NULL)
                """,
                "CREATE INDEX holiday_days_year ON holiday_days (year)",
            ] + HolidaySeed.statements(backend)
        },
        // Login attempts being checked right now (so parallel guesses cannot outrun the lockout), and
        // the hashes of each account's latest chosen passwords, which may not be chosen again. The
        // passwords in use now start the history; one-time initial and reset passwords never enter it.
        Migration(15, "login_attempts_password_history") { _ in
            [
                "ALTER TABLE accounts ADD COLUMN login_pending BIGINT NOT NULL DEFAULT 0",
                """
                CREATE TABLE password_history (
                    id {pk}, account_id BIGINT NOT NULL REFERENCES accounts(id), password_hash TEXT NOT NULL,
                    changed_at TEXT NOT NULL)
                """,
                "CREATE INDEX password_history_account ON password_history (account_id, id)",
                """
                INSERT INTO password_history (account_id, password_hash, changed_at)
                SELECT id, password_hash, created_at FROM accounts WHERE must_change_password = 0 ORDER BY id
                """,
            ]
        },
        // 等保 三级: audit rows belong to a zone (who may read them) and name the key that signed them
        // ('' = a row written before the chain was keyed, verified as legacy); password resets need a
        // second admin. Rows already written get their zone from the actor's account or the zone they
        // name — zone_id is not part of a legacy row's hash, so the guard is lifted for that one update.
        Migration(16, "audit_zone_key_and_resets") { backend in
            let backfill = """
                UPDATE audit_log SET zone_id = COALESCE(
                    (SELECT accounts.zone_id FROM accounts WHERE accounts.username = audit_log.actor),
                    (SELECT zones.id FROM zones WHERE audit_log.entity = 'zone' AND CAST(zones.id AS TEXT) = audit_log.entity_id))
                """
            let guarded: [String] = switch backend {
            case .sqlite:
                [
                    "DROP TRIGGER audit_log_no_update", backfill,
                    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
                ]
            case .postgres:
                ["ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change", backfill, "ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_change"]
            }
            return [
                "ALTER TABLE audit_log ADD COLUMN zone_id BIGINT",
                "ALTER TABLE audit_log ADD COLUMN key_id TEXT NOT NULL DEFAULT ''",
            ] + guarded + [
                "CREATE INDEX audit_log_zone ON audit_log (zone_id, seq)",
                """
                CREATE TABLE password_resets (
                    id {pk}, account_id BIGINT NOT NULL REFERENCES accounts(id), zone_id BIGINT REFERENCES zones(id),
                    requested_by TEXT NOT NULL, requested_at TEXT NOT NULL,
                    approved_by TEXT, approved_at TEXT)
                """,
                "CREATE INDEX password_resets_account ON password_resets (account_id, id)",
            ]
        },
        // After every migration that adds a status or kind column: those columns accept only the values
        // the code knows (StoredEnums).
        Migration(19, "enum_checks") { backend in StoredEnums.statements(backend) },
        // A second factor for the three admins (TOTP, RFC 6238): the shared secret ('' = not enrolled)
        // and the newest step a code was accepted for, so a code cannot be used twice.
        Migration(21, "admin_totp") { _ in
            [
                "ALTER TABLE accounts ADD COLUMN totp_secret TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE accounts ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT 0",
            ]
        },
        // The unit fields of the national 机构编制实名制数据库 the 三定 sheet carries (统一社会信用代码, 设立文件与时间;
        // '' until known), and the 编制台账: one line per quota set, changed or withdrawn (old/new NULL = none),
        // with its 批准文号, 批准时间 (yyyy-MM-dd or NULL) and 变动摘要.
        Migration(22, "unit_register") { _ in
            [
                "ALTER TABLE units ADD COLUMN credit_code TEXT NOT NULL DEFAULT ''",
                "ALTER TABLE units ADD COLUMN established_by TEXT NOT NULL DEFAULT ''",
                """
                CREATE TABLE establishment_changes (
                    id {pk}, unit_id BIGINT NOT NULL REFERENCES units(id), zone_id BIGINT NOT NULL REFERENCES zones(id),
                    kind TEXT NOT NULL CHECK (kind IN ('establishment', 'leadership')), class TEXT NOT NULL,
                    old_quota BIGINT, new_quota BIGINT, document_no TEXT NOT NULL, approved_on TEXT,
                    summary TEXT NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL)
                """,
                "CREATE INDEX establishment_changes_unit ON establishment_changes (zone_id, unit_id, id)",
            ]
        },
    ]
}
