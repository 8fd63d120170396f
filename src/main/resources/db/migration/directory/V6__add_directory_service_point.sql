-- Need and distance search in one index (ADR 9). A service's places (the locations it is delivered
-- at that have coordinates) with the needs it meets, kept by triggers from
-- directory_service_at_location, directory_location and directory_service_need, so that a search
-- near a postcode for a need reads one GiST index and no other table until it pages. A copy rather
-- than a join: the join visited four tables for every location in the box, need or not.
CREATE TABLE directory_service_point (
  organisation_id   UUID NOT NULL,
  service_id        UUID NOT NULL,
  location_id       UUID NOT NULL,
  position          POINT NOT NULL,  -- (longitude, latitude)
  needs             TEXT[] NOT NULL,
  PRIMARY KEY (organisation_id, service_id, location_id)
);
CREATE INDEX directory_service_point_position_ix ON directory_service_point
  USING gist (position) INCLUDE (organisation_id, service_id, needs);

-- Rewrites the places of the given services (holder and id, pairwise) from the tables they copy.
CREATE FUNCTION directory_refresh_service_points(holders UUID[], services UUID[]) RETURNS void
LANGUAGE sql AS $$
  DELETE FROM directory_service_point p
  USING unnest(holders, services) AS k(holder, id)
  WHERE p.organisation_id = k.holder AND p.service_id = k.id;
  INSERT INTO directory_service_point (organisation_id, service_id, location_id, position, needs)
  SELECT sal.organisation_id, sal.service_id, l.id, point(l.longitude, l.latitude),
    coalesce((SELECT array_agg(dn.need ORDER BY dn.need) FROM directory_service_need dn
              WHERE dn.organisation_id = sal.organisation_id AND dn.service_id = sal.service_id),
             '{}')
  FROM (SELECT DISTINCT holder, id FROM unnest(holders, services) AS k(holder, id)) k
  JOIN directory_service_at_location sal ON sal.organisation_id = k.holder AND sal.service_id = k.id
  JOIN directory_location l ON l.organisation_id = sal.organisation_id AND l.id = sal.location_id
  WHERE l.latitude IS NOT NULL
  ON CONFLICT DO NOTHING;
$$;

-- Statement triggers with transition tables, so that an import's COPY or multi-row write refreshes
-- each service once per statement rather than once per row.
CREATE FUNCTION directory_service_points_by_service() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    PERFORM directory_refresh_service_points(array_agg(organisation_id), array_agg(service_id))
    FROM old_rows;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    PERFORM directory_refresh_service_points(array_agg(organisation_id), array_agg(service_id))
    FROM new_rows;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER directory_service_point_sal_insert AFTER INSERT ON directory_service_at_location
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_service_points_by_service();
CREATE TRIGGER directory_service_point_sal_update AFTER UPDATE ON directory_service_at_location
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_service_points_by_service();
CREATE TRIGGER directory_service_point_sal_delete AFTER DELETE ON directory_service_at_location
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_service_points_by_service();
CREATE TRIGGER directory_service_point_need_insert AFTER INSERT ON directory_service_need
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_service_points_by_service();
CREATE TRIGGER directory_service_point_need_update AFTER UPDATE ON directory_service_need
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION directory_service_points_by_service();
CREATE TRIGGER directory_service_point_need_delete AFTER DELETE ON directory_service_need
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_service_points_by_service();

-- A location that moves moves every service delivered there.
CREATE FUNCTION directory_service_points_by_location() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM directory_refresh_service_points(array_agg(sal.organisation_id), array_agg(sal.service_id))
  FROM new_rows l
  JOIN directory_service_at_location sal ON sal.organisation_id = l.organisation_id AND sal.location_id = l.id;
  RETURN NULL;
END $$;

CREATE TRIGGER directory_service_point_location_update AFTER UPDATE ON directory_location
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION directory_service_points_by_location();

INSERT INTO directory_service_point (organisation_id, service_id, location_id, position, needs)
SELECT sal.organisation_id, sal.service_id, l.id, point(l.longitude, l.latitude),
  coalesce((SELECT array_agg(dn.need ORDER BY dn.need) FROM directory_service_need dn
            WHERE dn.organisation_id = sal.organisation_id AND dn.service_id = sal.service_id), '{}')
FROM directory_service_at_location sal
JOIN directory_location l ON l.organisation_id = sal.organisation_id AND l.id = sal.location_id
WHERE l.latitude IS NOT NULL
ON CONFLICT DO NOTHING;
