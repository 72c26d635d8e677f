// What makes a new password acceptable, as Quasar field rules: length at once, then "too easy to
// guess" once the dictionaries (about 3 MB, loaded on first use) are in. The server checks again.
import type { MaybeRefOrGetter } from 'vue';
import { toValue } from 'vue';
import { useI18n } from 'vue-i18n';
import { checkNewPassword, PASSWORD_MIN_LENGTH } from '@carebook/domain';

type Rule = (value: string) => true | string | Promise<true | string>;

export function useNewPasswordRules(personalWords: MaybeRefOrGetter<string[]>): Rule[] {
  const { t } = useI18n();
  const strength = import('@carebook/domain/password-strength');
  return [
    (value: string) => {
      const result = checkNewPassword(value ?? '');
      return result.ok || t(`auth.validation.password.${result.issue}`, { min: PASSWORD_MIN_LENGTH });
    },
    async (value: string) => {
      const { checkPasswordStrength } = await strength;
      return (
        checkPasswordStrength(value ?? '', toValue(personalWords)).ok || t('auth.validation.password.common')
      );
    },
  ];
}
