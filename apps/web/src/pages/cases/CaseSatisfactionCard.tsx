// 服务对象满意度: asked at review or closing, 1–5 with the resident's words, recorded by the worker
// (again replaces it); it counts in the outputs with activities' and groups' answers.
import { App, Button, Card, Flex, Input, Rate, Typography } from 'antd';
import { useState } from 'react';
import { useCaseSatisfaction, useRateCase, type CaseDetail } from '../../api/cases.ts';
import { useProblem } from '../../api/forms.ts';
import { formatDateTime } from '../../fmt.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useCaseRights } from './tags.tsx';

export function CaseSatisfactionCard({ c }: { c: CaseDetail }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showProblem = useProblem();
  const { canWrite } = useCaseRights();
  const q = useCaseSatisfaction(c.id);
  const rate = useRateCase(c.id);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const answer = q.data?.answer;
  return (
    <Card size="small" title={t('cs.sat.title')} loading={q.isPending} data-testid="case-satisfaction">
      {answer ? (
        <Flex vertical gap={4}>
          <Rate disabled value={answer.score} />
          {answer.comment && <Typography.Text>{answer.comment}</Typography.Text>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(answer.at)}
          </Typography.Text>
        </Flex>
      ) : (
        <Typography.Text type="secondary">{t('cs.sat.none')}</Typography.Text>
      )}
      {canWrite && (
        <Flex vertical gap={8} style={{ marginTop: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('cs.sat.hint')}
          </Typography.Text>
          <Rate value={score} onChange={setScore} aria-label={t('cs.sat.title')} />
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={t('cs.sat.comment')}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
          <Button
            disabled={!score}
            loading={rate.isPending}
            onClick={() =>
              rate.mutate(
                { score, comment: comment.trim() || undefined },
                {
                  onSuccess: () => {
                    void message.success(t('cs.sat.saved'));
                    setScore(0);
                    setComment('');
                  },
                  onError: (e) => showProblem(e),
                },
              )
            }
          >
            {t('cs.sat.save')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
