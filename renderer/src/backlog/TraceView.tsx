import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { painPointMatrix, toBeStepMatrix, type TraceMatrix } from '../../../shared/backlog';
import type { WorkshopDocument } from '../../../shared/model';

/** The two traceability matrices: pain point × requirement and requirement × To-Be step. */
export function TraceView({ document }: { document: WorkshopDocument }) {
  const { t } = useTranslation();
  const pains = useMemo(() => painPointMatrix(document), [document]);
  const steps = useMemo(() => toBeStepMatrix(document), [document]);
  return (
    <div className="trace-view" data-testid="trace-view">
      <Matrix
        title={t('backlog.traceTitlePain')}
        matrix={pains}
        rowLabel={(pain) => pain.title || t('editor.untitled')}
        columnLabel={(requirement) => requirement.key}
        columnTitle={(requirement) => requirement.title}
        testId="trace-pain-points"
      />
      <Matrix
        title={t('backlog.traceTitleSteps')}
        matrix={steps}
        rowLabel={(requirement) => `${requirement.key} ${requirement.title}`}
        columnLabel={(step) => step.label || t('editor.untitled')}
        columnTitle={(step) => step.label}
        testId="trace-to-be-steps"
      />
    </div>
  );
}

function Matrix<Row extends { id: string }, Column extends { id: string }>({
  title,
  matrix,
  rowLabel,
  columnLabel,
  columnTitle,
  testId,
}: {
  title: string;
  matrix: TraceMatrix<Row, Column>;
  rowLabel: (row: Row) => string;
  columnLabel: (column: Column) => string;
  columnTitle: (column: Column) => string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <section className="trace-matrix" data-testid={testId}>
      <h2>{title}</h2>
      {matrix.rows.length === 0 || matrix.columns.length === 0 ? (
        <p className="secondary">{t('backlog.traceEmpty')}</p>
      ) : (
        <div className="matrix-scroll">
          <table className="data-table matrix-table">
            <thead>
              <tr>
                <th />
                {matrix.columns.map((column) => (
                  <th key={column.id} scope="col" title={columnTitle(column)}>
                    <span className="matrix-column-label">{columnLabel(column)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.map((row, rowIndex) => (
                <tr key={row.id}>
                  <th scope="row">{rowLabel(row)}</th>
                  {matrix.columns.map((column, columnIndex) => {
                    const linked = matrix.cells[rowIndex]?.[columnIndex] ?? false;
                    return (
                      <td key={column.id} className={linked ? 'is-linked' : undefined}>
                        {linked ? <span aria-label={t('backlog.traced')}>●</span> : null}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
