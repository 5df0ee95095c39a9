-- Reference data the contract names: the allowed channels, the rating
-- instruments with their scales, and the touchpoints with their SLI weights.
-- The loader validates against these tables and the model joins them, so a
-- value is allowed in exactly one place.

create table ref_channels as
select * from (values
    ('phone', 'Phone'),
    ('email', 'Email'),
    ('chat', 'Chat'),
    ('social', 'Social media'),
    ('in_person', 'In person'),
    ('self_service', 'Self-service')
) as t(channel, label);

-- The SLI mapping is versioned: a change of scales or weights is a new
-- version, so an SLI can always be explained by the mapping that produced it.
create table ref_sli_mapping as
select * from (values
    ('2024.1', 'csat_5', 'CSAT (1..5)', 1.0, 5.0),
    ('2024.1', 'ces_7', 'CES 2.0 (1..7, 7 = very easy)', 1.0, 7.0),
    ('2024.1', 'nps_11', 'NPS (0..10)', 0.0, 10.0),
    ('2024.1', 'stars_5', 'Stars (1..5)', 1.0, 5.0),
    ('2024.1', 'smiley_5', 'Smiley faces (1..5)', 1.0, 5.0)
) as t(mapping_version, instrument, label, scale_min, scale_max);

create table ref_touchpoints as
select * from (values
    ('2024.1', 'kiosk', 'Branch kiosk', 1.0),
    ('2024.1', 'qr', 'QR code', 1.0),
    ('2024.1', 'sms', 'SMS survey', 1.0),
    ('2024.1', 'email', 'Email survey', 1.0),
    ('2024.1', 'web', 'Website', 1.0),
    ('2024.1', 'app', 'Mobile app', 1.0),
    ('2024.1', 'after_service', 'After-service survey', 1.0)
) as t(mapping_version, touchpoint, label, sli_weight);

comment on table ref_channels is 'One row per contact channel the data contract allows.';
comment on table ref_sli_mapping is 'One row per SLI mapping version and instrument: the rating scales.';
comment on table ref_touchpoints is 'One row per SLI mapping version and touchpoint, with its SLI weight.';
