-- Distributes Waymark's schema on Citus (ADR 22). Written from the live schema by
-- CitusDistributionTests: run it once on the coordinator after the migrations, on an
-- empty database or during a maintenance window.

-- Reference tables: copied to every node.
SELECT create_reference_table('code_list_entry');
SELECT create_reference_table('fhir_client');
SELECT create_reference_table('membership');
SELECT create_reference_table('organisation');
SELECT create_reference_table('outcome_instrument');
SELECT create_reference_table('postcode_location');
SELECT create_reference_table('report_imd');
SELECT create_reference_table('user_account');

-- Coordinator only (infrastructure): event_publication, fhir_signing_key, scheduled_tasks, sign_in_attempt, spring_session, spring_session_attributes.

-- Distributed by tenant, all co-located, parents before children.
SELECT create_distributed_table('audit_event', 'organisation_id', colocate_with => 'none');
SELECT create_distributed_table('casework_case', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('casework_contact', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('casework_discharge', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('casework_discharge_code', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('casework_note', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('casework_plan_goal', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('casework_plan_review', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('casework_plan_step', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('casework_setting', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('connection', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('connection_history', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('connection_signpost', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_change', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_harvest_source', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_import', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_import_record', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_location', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_organization', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_service', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_service_at_location', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_service_need', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_service_point', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_taxonomy', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_taxonomy_term', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('fhir_referral', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('fhir_subscription', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('follow_up', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('follow_up_attempt', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('follow_up_plan', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('follow_up_plan_point', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('follow_up_service_answer', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('notification_inbox', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('notification_outbox', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('notification_template', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('outcome_gp_appointment_count', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('outcome_instrument_draft', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('outcome_link_attempt', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('outcome_response', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('outcome_self_completion_link', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('person', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('referral', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('referral_idempotency_key', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('referral_status_change', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('report_change', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('report_commissioning', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('report_connection', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('report_contact_month', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('report_practice_population', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('report_reference_import', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('report_referral', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('report_refresh', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('report_wellbeing', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_study', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_study_member', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_update', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_work_package', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('self_referral_submission', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('casework_assessment', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('casework_assessment_need', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('casework_assignment', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_schedule', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('directory_service_term', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_export_log', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_involvement', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_meeting', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_output', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_participant_group', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_site', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_study_event', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_action', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_consent_document', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_observation', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_participant', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_participant_identity', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_recruitment_target', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_consent', 'organisation_id', colocate_with => 'audit_event');
SELECT create_distributed_table('research_interview', 'organisation_id', colocate_with => 'audit_event');
