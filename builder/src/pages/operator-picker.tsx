import { useState } from 'react';
import { create } from 'zustand';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useT } from '../i18n/i18n';
import { ServerError } from './server-error';

const OPERATOR_STORAGE = 'touchpoint.operatorId';

interface OperatorState {
  operatorId: string | null;
  setOperator: (operatorId: string | null) => void;
}

/** Who is working the queue in this browser: the user id claims and outcomes are recorded under. */
export const useOperatorStore = create<OperatorState>((set) => ({
  operatorId: typeof localStorage === 'undefined' ? null : localStorage.getItem(OPERATOR_STORAGE),
  setOperator: (operatorId) => {
    if (operatorId === null) localStorage.removeItem(OPERATOR_STORAGE);
    else localStorage.setItem(OPERATOR_STORAGE, operatorId);
    set({ operatorId });
  },
}));

/** "Working as": the operators by name, and a short form to add oneself. */
export function OperatorPicker() {
  const t = useT();
  const operatorId = useOperatorStore((state) => state.operatorId);
  const setOperator = useOperatorStore((state) => state.setOperator);
  const [operators, reload] = useApi(() => api.listOperators(), 'operators');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<{ failure: unknown } | null>(null);
  const list = operators.status === 'ready' ? operators.data : [];
  const known = list.some((operator) => operator.id === operatorId);
  const add = () =>
    api.addOperator(name.trim(), email.trim()).then(
      (operator) => {
        setOperator(operator.id);
        setName('');
        setEmail('');
        reload();
      },
      (failure: unknown) => setError({ failure }),
    );
  return (
    <div className="operator-picker list-filters">
      <label>
        {t('operator.workingAs')}{' '}
        <select
          value={known ? (operatorId ?? '') : ''}
          onChange={(event) => setOperator(event.target.value || null)}
          data-testid="operator-picker"
        >
          <option value="">{t('operator.chooseOperator')}</option>
          {list.map((operator) => (
            <option key={operator.id} value={operator.id}>
              {operator.name}
            </option>
          ))}
        </select>
      </label>
      {!known && (
        <form
          className="operator-add"
          onSubmit={(event) => {
            event.preventDefault();
            void add();
          }}
        >
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t('operator.newName')}
            aria-label={t('operator.newName')}
          />
          <input
            type="email"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            placeholder={t('operator.newEmail')}
            aria-label={t('operator.newEmail')}
          />
          <button type="submit" disabled={!name.trim() || !email.trim()}>
            {t('operator.addOperator')}
          </button>
        </form>
      )}
      {error && <ServerError error={error.failure} />}
    </div>
  );
}
