-- The dashboard (analytics) counts the coupons issued in a range of days; the other coupon indexes are
-- led by member or reward.
CREATE INDEX coupon_by_issue ON coupon (tenant_id, issued_at);
