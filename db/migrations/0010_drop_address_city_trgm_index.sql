-- The Request Access search matches providers.search_cities (0006, 0009); nothing reads this index,
-- and keeping it cost every registry import about a second per million address rows.
DROP INDEX "provider_addresses_city_trgm_idx";
