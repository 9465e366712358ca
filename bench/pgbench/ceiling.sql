-- The database's ceiling for one round trip: the cheapest statement.
SELECT 1;
