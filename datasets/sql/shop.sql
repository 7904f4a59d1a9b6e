-- Shop database for the sql-sqlite dataset: a small online store of office hardware.
-- Money is in integer cents (USD). Times are ISO 8601 text in UTC.

CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  email TEXT NOT NULL UNIQUE,
  country TEXT NOT NULL,            -- ISO 3166-1 alpha-2 code
  tier TEXT NOT NULL CHECK (tier IN ('free', 'pro', 'enterprise')),
  created_at TEXT NOT NULL          -- sign-up date, YYYY-MM-DD
);

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  sku TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  price_cents INTEGER NOT NULL,     -- current list price
  active INTEGER NOT NULL DEFAULT 1 -- 0 = discontinued
);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  status TEXT NOT NULL CHECK (status IN ('pending', 'paid', 'shipped', 'cancelled', 'refunded')),
  created_at TEXT NOT NULL,         -- YYYY-MM-DDTHH:MM:SSZ
  shipped_at TEXT                   -- NULL until the order ships
);

CREATE TABLE order_items (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  product_id INTEGER NOT NULL REFERENCES products(id),
  quantity INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_cents INTEGER NOT NULL -- price charged, which may be below the list price
);

INSERT INTO customers (id, name, email, country, tier, created_at) VALUES
  (1, 'Ada Lovelace', 'ada@example.com', 'GB', 'pro', '2023-01-15'),
  (2, 'Grace Hopper', 'grace@example.com', 'US', 'enterprise', '2023-02-03'),
  (3, 'Linus Torvalds', 'linus@example.org', 'FI', 'free', '2023-03-22'),
  (4, 'Margaret Hamilton', 'margaret@example.com', 'US', 'pro', '2023-05-10'),
  (5, 'Alan Turing', 'alan@example.co.uk', 'GB', 'free', '2023-06-01'),
  (6, 'Barbara Liskov', 'barbara@example.com', 'US', 'enterprise', '2023-08-19'),
  (7, 'Edsger Dijkstra', 'edsger@example.nl', 'NL', 'pro', '2023-09-30'),
  (8, 'Frances Allen', 'frances@example.com', 'US', 'free', '2023-11-11'),
  (9, 'Ken Thompson', 'ken@example.com', 'US', 'free', '2024-01-05'),
  (10, 'Radia Perlman', 'radia@example.com', 'US', 'pro', '2024-02-14'),
  (11, 'Tim Berners-Lee', 'tim@example.org', 'GB', 'enterprise', '2024-03-01'),
  (12, 'Katherine Johnson', 'katherine@example.com', 'US', 'free', '2024-04-20');

INSERT INTO products (id, sku, name, category, price_cents, active) VALUES
  (1, 'KB-001', 'Mechanical Keyboard', 'peripherals', 8900, 1),
  (2, 'MS-002', 'Wireless Mouse', 'peripherals', 2900, 1),
  (3, 'MN-003', '27-inch Monitor', 'displays', 32900, 1),
  (4, 'MN-004', '34-inch Ultrawide Monitor', 'displays', 54900, 1),
  (5, 'CB-005', 'USB-C Cable 2 m', 'accessories', 1200, 1),
  (6, 'HB-006', 'USB-C Hub', 'accessories', 4500, 1),
  (7, 'HS-007', 'Noise-Cancelling Headset', 'audio', 19900, 1),
  (8, 'WC-008', 'HD Webcam', 'video', 6900, 1),
  (9, 'DK-009', 'Laptop Dock', 'accessories', 18900, 0),
  (10, 'SD-010', 'Standing Desk', 'furniture', 49900, 1),
  (11, 'CH-011', 'Ergonomic Chair', 'furniture', 39900, 1),
  (12, 'LP-012', 'Laptop Stand', 'furniture', 3900, 1);

INSERT INTO orders (id, customer_id, status, created_at, shipped_at) VALUES
  (1, 1, 'shipped', '2024-01-08T09:15:00Z', '2024-01-10T14:00:00Z'),
  (2, 2, 'shipped', '2024-01-12T16:40:00Z', '2024-01-13T11:30:00Z'),
  (3, 3, 'cancelled', '2024-01-20T08:05:00Z', NULL),
  (4, 1, 'shipped', '2024-02-02T10:00:00Z', '2024-02-05T09:00:00Z'),
  (5, 4, 'paid', '2024-02-14T12:30:00Z', NULL),
  (6, 6, 'shipped', '2024-02-20T15:20:00Z', '2024-02-21T10:10:00Z'),
  (7, 2, 'refunded', '2024-03-01T09:45:00Z', '2024-03-03T08:00:00Z'),
  (8, 5, 'shipped', '2024-03-05T18:00:00Z', '2024-03-09T12:00:00Z'),
  (9, 7, 'shipped', '2024-03-18T07:30:00Z', '2024-03-19T16:45:00Z'),
  (10, 6, 'pending', '2024-03-28T22:10:00Z', NULL),
  (11, 10, 'shipped', '2024-04-02T13:00:00Z', '2024-04-04T10:00:00Z'),
  (12, 11, 'shipped', '2024-04-10T09:00:00Z', '2024-04-11T09:30:00Z'),
  (13, 2, 'shipped', '2024-04-15T11:11:00Z', '2024-04-18T15:00:00Z'),
  (14, 4, 'cancelled', '2024-04-22T19:40:00Z', NULL),
  (15, 8, 'shipped', '2024-05-03T10:25:00Z', '2024-05-06T10:00:00Z'),
  (16, 1, 'paid', '2024-05-19T08:50:00Z', NULL),
  (17, 10, 'shipped', '2024-05-27T14:35:00Z', '2024-05-28T09:20:00Z'),
  (18, 7, 'refunded', '2024-06-04T17:05:00Z', '2024-06-06T11:00:00Z'),
  (19, 11, 'shipped', '2024-06-12T12:00:00Z', '2024-06-14T08:30:00Z'),
  (20, 3, 'shipped', '2024-06-21T09:40:00Z', '2024-06-25T13:15:00Z'),
  (21, 6, 'shipped', '2024-06-30T16:00:00Z', '2024-07-01T10:00:00Z'),
  (22, 2, 'pending', '2024-07-03T08:20:00Z', NULL),
  (23, 9, 'cancelled', '2024-07-08T11:45:00Z', NULL),
  (24, 5, 'paid', '2024-07-15T13:30:00Z', NULL);

INSERT INTO order_items (id, order_id, product_id, quantity, unit_price_cents) VALUES
  (1, 1, 1, 1, 8900),
  (2, 1, 2, 1, 2900),
  (3, 2, 3, 2, 31900),
  (4, 3, 7, 1, 19900),
  (5, 4, 5, 3, 1200),
  (6, 4, 6, 1, 4500),
  (7, 5, 10, 1, 49900),
  (8, 6, 4, 3, 54900),
  (9, 6, 7, 2, 18900),
  (10, 7, 11, 1, 39900),
  (11, 8, 2, 2, 2900),
  (12, 9, 1, 1, 8900),
  (13, 9, 5, 2, 1200),
  (14, 10, 9, 1, 18900),
  (15, 11, 3, 1, 32900),
  (16, 12, 4, 2, 52900),
  (17, 12, 6, 2, 4500),
  (18, 13, 7, 1, 19900),
  (19, 14, 11, 1, 39900),
  (20, 15, 2, 1, 2900),
  (21, 16, 8, 1, 6900),
  (22, 17, 10, 1, 47900),
  (23, 18, 7, 1, 19900),
  (24, 19, 1, 2, 8900),
  (25, 20, 5, 1, 1200),
  (26, 21, 3, 4, 32900),
  (27, 21, 9, 2, 18900),
  (28, 22, 6, 1, 4500),
  (29, 23, 10, 1, 49900),
  (30, 24, 2, 3, 2900);
