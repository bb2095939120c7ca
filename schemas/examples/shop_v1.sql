-- The example online shop at version 1, as a SQLite schema with a few rows.
-- tools/demo builds a database from this file and migrates it to shop_v2.yaml.
PRAGMA foreign_keys = ON;

CREATE TABLE customers (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  email VARCHAR(255) NOT NULL,
  name VARCHAR(120) NOT NULL,
  phone VARCHAR(32),
  created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  CONSTRAINT uq_customers_email UNIQUE (email)
);

CREATE TABLE products (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sku VARCHAR(64) NOT NULL,
  title VARCHAR(120) NOT NULL,
  description TEXT,
  price NUMERIC(10, 2) NOT NULL,
  stock INTEGER NOT NULL DEFAULT 0,
  active BOOLEAN NOT NULL DEFAULT 1,
  CONSTRAINT uq_products_sku UNIQUE (sku),
  CONSTRAINT ck_products_price_not_negative CHECK (price >= 0),
  CONSTRAINT ck_products_stock_not_negative CHECK (stock >= 0)
);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  customer_id INTEGER NOT NULL,
  status VARCHAR(20) NOT NULL DEFAULT 'pending',
  total NUMERIC(12, 2) NOT NULL DEFAULT 0,
  placed_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
  notes TEXT,
  CONSTRAINT fk_orders_customer_id_customers FOREIGN KEY (customer_id)
    REFERENCES customers (id) ON DELETE RESTRICT,
  CONSTRAINT ck_orders_status CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled'))
);
CREATE INDEX ix_orders_customer_id ON orders (customer_id);
CREATE INDEX ix_orders_placed_at ON orders (placed_at);

CREATE TABLE order_items (
  order_id INTEGER NOT NULL,
  product_id INTEGER NOT NULL,
  quantity INTEGER NOT NULL DEFAULT 1,
  unit_price NUMERIC(10, 2) NOT NULL,
  PRIMARY KEY (order_id, product_id),
  CONSTRAINT fk_order_items_order_id_orders FOREIGN KEY (order_id)
    REFERENCES orders (id) ON DELETE CASCADE,
  CONSTRAINT fk_order_items_product_id_products FOREIGN KEY (product_id)
    REFERENCES products (id),
  CONSTRAINT ck_order_items_quantity_positive CHECK (quantity > 0)
);
CREATE INDEX ix_order_items_product_id ON order_items (product_id);

INSERT INTO customers (email, name, phone) VALUES
  ('ada@example.com', 'Ada Lovelace', '+44 20 7946 0001'),
  ('grace@example.com', 'Grace Hopper', NULL),
  ('linus@example.com', 'Linus Torvalds', '+358 9 1234 5678');

INSERT INTO products (sku, title, description, price, stock) VALUES
  ('KB-001', 'Mechanical keyboard', 'Tenkeyless, brown switches', 89.90, 25),
  ('MS-002', 'Wireless mouse', NULL, 29.50, 140),
  ('MN-003', '27" monitor', 'IPS, 2560x1440', 279.00, 8);

INSERT INTO orders (customer_id, status, total, notes) VALUES
  (1, 'paid', 119.40, 'Gift wrap, please'),
  (2, 'pending', 279.00, NULL);

INSERT INTO order_items (order_id, product_id, quantity, unit_price) VALUES
  (1, 1, 1, 89.90),
  (1, 2, 1, 29.50),
  (2, 3, 1, 279.00);
