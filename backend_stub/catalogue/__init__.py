"""The catalogue: rows (``repository``), their API shapes (``shapes``), and licensing
(``markets``)."""
