-- The project tracker of tests/testdata/mysql/app.yaml, as its team created it by hand on MariaDB
-- (server-chosen names, MySQL spellings, an index InnoDB adds for a foreign key on its own).
CREATE TABLE organizations (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  slug VARCHAR(64) NOT NULL,
  name VARCHAR(200) NOT NULL,
  plan ENUM('free','team','enterprise') NOT NULL DEFAULT 'free',
  settings JSON,
  created_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_organizations_slug (slug)
) ENGINE=InnoDB COMMENT='Customer accounts';

CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  organization_id BIGINT UNSIGNED NOT NULL,
  email VARCHAR(255) COLLATE utf8mb4_bin NOT NULL,
  display_name VARCHAR(100) NOT NULL,
  is_admin TINYINT(1) NOT NULL DEFAULT 0,
  last_login_at TIMESTAMP NULL DEFAULT NULL,
  updated_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP ON UPDATE CURRENT_TIMESTAMP,
  PRIMARY KEY (id),
  UNIQUE KEY uq_users_email (email),
  KEY ix_users_org_name (organization_id, display_name),
  CONSTRAINT fk_users_organization_id_organizations FOREIGN KEY (organization_id)
    REFERENCES organizations (id) ON DELETE CASCADE
);

CREATE TABLE projects (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  organization_id BIGINT UNSIGNED NOT NULL,
  owner_id BIGINT UNSIGNED,
  name VARCHAR(200) NOT NULL,
  description MEDIUMTEXT,
  budget DECIMAL(12,2) NOT NULL DEFAULT 0.00 COMMENT 'in the organization''s currency',
  archived BOOL NOT NULL DEFAULT FALSE,
  PRIMARY KEY (id),
  KEY ix_projects_name_prefix (name(20)),
  CONSTRAINT fk_projects_organization_id_organizations FOREIGN KEY (organization_id)
    REFERENCES organizations (id) ON DELETE CASCADE,
  CONSTRAINT fk_projects_owner_id_users FOREIGN KEY (owner_id)
    REFERENCES users (id) ON DELETE SET NULL,
  CONSTRAINT ck_projects_budget CHECK (budget >= 0)
);

CREATE TABLE tasks (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  project_id BIGINT UNSIGNED NOT NULL,
  assignee_id BIGINT UNSIGNED,
  title VARCHAR(300) NOT NULL,
  body TEXT,
  status ENUM('todo','doing','review','done') NOT NULL DEFAULT 'todo',
  priority SMALLINT NOT NULL DEFAULT 3,
  estimate_hours DECIMAL(6,1),
  due_on DATE,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  updated_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  title_length INT AS (CHAR_LENGTH(title)) VIRTUAL,
  PRIMARY KEY (id),
  KEY ix_tasks_project_status (project_id, status, created_at DESC),
  FULLTEXT KEY ft_tasks_title_body (title, body),
  CONSTRAINT fk_tasks_project_id_projects FOREIGN KEY (project_id)
    REFERENCES projects (id) ON DELETE CASCADE,
  CONSTRAINT fk_tasks_assignee_id_users FOREIGN KEY (assignee_id) REFERENCES users (id),
  CONSTRAINT ck_tasks_priority CHECK (priority BETWEEN 1 AND 5)
);

CREATE TABLE task_labels (
  task_id BIGINT UNSIGNED NOT NULL,
  label VARCHAR(40) CHARACTER SET ascii NOT NULL,
  PRIMARY KEY (task_id, label),
  CONSTRAINT fk_task_labels_task_id_tasks FOREIGN KEY (task_id) REFERENCES tasks (id) ON DELETE CASCADE
);

CREATE TABLE audit_events (
  id BIGINT NOT NULL AUTO_INCREMENT,
  occurred_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
  actor_id BIGINT UNSIGNED,
  action VARCHAR(40) NOT NULL,
  payload JSON NOT NULL,
  ip VARBINARY(16),
  PRIMARY KEY (id),
  KEY ix_audit_events_occurred_at (occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='Append-only';
