-- Reference data the contract names: the allowed channels, the rating
-- instruments with their scales, and the touchpoints with their SLI weights.
-- The loader validates against these tables and the model joins them, so a
-- value is allowed in exactly one place.

create table ref_channels (channel varchar not null, label varchar not null);
insert into ref_channels values
    ('phone', 'Phone'),
    ('email', 'Email'),
    ('chat', 'Chat'),
    ('social', 'Social media'),
    ('in_person', 'In person'),
    ('self_service', 'Self-service');

-- The SLI mapping is versioned: a change of scales or weights is a new
-- version, so an SLI can always be explained by the mapping that produced it.
create table ref_sli_mapping (
    mapping_version varchar not null,
    instrument varchar not null,
    label varchar not null,
    scale_min double not null,
    scale_max double not null
);
insert into ref_sli_mapping values
    ('2024.1', 'csat_5', 'CSAT (1..5)', 1.0, 5.0),
    ('2024.1', 'ces_7', 'CES 2.0 (1..7, 7 = very easy)', 1.0, 7.0),
    ('2024.1', 'nps_11', 'NPS (0..10)', 0.0, 10.0),
    ('2024.1', 'stars_5', 'Stars (1..5)', 1.0, 5.0),
    ('2024.1', 'smiley_5', 'Smiley faces (1..5)', 1.0, 5.0);

-- Weights are DOUBLE: a DECIMAL literal would sum into a 128-bit decimal.
create table ref_touchpoints (
    mapping_version varchar not null,
    touchpoint varchar not null,
    label varchar not null,
    sli_weight double not null,
    -- The journey order (1 = first): where the touchpoint sits in a
    -- customer's path, the default order of the journey view.
    touchpoint_order integer not null
);
insert into ref_touchpoints values
    ('2024.1', 'kiosk', 'Branch kiosk', 1.0, 1),
    ('2024.1', 'qr', 'QR code', 1.0, 2),
    ('2024.1', 'sms', 'SMS survey', 1.0, 3),
    ('2024.1', 'email', 'Email survey', 1.0, 4),
    ('2024.1', 'web', 'Website', 1.0, 5),
    ('2024.1', 'app', 'Mobile app', 1.0, 6),
    ('2024.1', 'after_service', 'After-service survey', 1.0, 7);

comment on table ref_channels is 'One row per contact channel the data contract allows.';
comment on table ref_sli_mapping is 'One row per SLI mapping version and instrument: the rating scales.';
comment on table ref_touchpoints is 'One row per SLI mapping version and touchpoint, with its SLI weight and journey order.';
