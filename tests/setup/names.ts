export const TEMPLATE_DATABASE = 'tally_test_template';
export const TEST_APP_PASSWORD = 'tally_test_app_pw';
