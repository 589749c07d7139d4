-- Quality monitoring (issue 18, seed 004's task 3): evaluation forms (every change a new version; an evaluation keeps
-- the version it was scored on), the monthly samples (the seed recorded: the same sample again from the same seed)
-- and the evaluations of sampled calls by outside experts (role EVALUATOR).
create table evaluation_form (
    id         bigserial   primary key,
    version    integer     not null unique check (version > 0),
    name_kk    text        not null,
    name_ru    text        not null,
    definition jsonb       not null,      -- {"sections": [{"titleKk", "titleRu", "criteria": [{"code", "textKk",
                                          --   "textRu", "weight", "scale", "critical"}]}]}
    created_by text        not null,
    created_at timestamptz not null
);

create table evaluation_sample (
    id                bigserial   primary key,
    period_from       date        not null,
    period_to         date        not null check (period_to >= period_from),
    seed              bigint      not null,
    per_stratum       integer     not null check (per_stratum > 0),
    calibration_share numeric(4, 3) not null check (calibration_share between 0 and 1),
    created_by        text        not null,
    created_at        timestamptz not null
);

create table evaluation (
    id               bigserial   primary key,
    sample_id        bigint      references evaluation_sample (id),
    pbx_id           text        not null,
    linkedid         text        not null,
    evaluator        text        not null,
    form_id          bigint      not null references evaluation_form (id),
    calibration      boolean     not null default false,
    status           text        not null check (status in ('ASSIGNED', 'DRAFT', 'SUBMITTED')),
    scores           jsonb       not null default '{}',
    comments         jsonb       not null default '{}',
    conclusion       text,
    total            numeric(5, 1),
    critical_failed  boolean,
    specialist       text,
    queue            text,
    assigned_by      text        not null,
    assigned_at      timestamptz not null,
    submitted_at     timestamptz,
    response         text        check (response in ('ACKNOWLEDGED', 'DISPUTED')),
    response_comment text,
    responded_at     timestamptz,
    resolution       text,
    resolved_by      text,
    resolved_at      timestamptz,
    unique (pbx_id, linkedid, evaluator)
);
create index evaluation_evaluator on evaluation (evaluator, status);
create index evaluation_call on evaluation (pbx_id, linkedid);

-- The starting form, written for this hotline; the experts change it (a new version) as they see fit.
insert into evaluation_form (version, name_kk, name_ru, definition, created_by, created_at) values (1,
 '114 желісі кеңесінің сапасы', 'Качество консультации линии 114', '{"sections": [
  {"titleKk": "Сәлемдесу және тіл", "titleRu": "Приветствие и язык", "criteria": [
    {"code": "GREETING", "textKk": "Маман сәлемдесіп, өзін және желіні атады", "textRu": "Специалист поздоровался, назвал себя и линию", "weight": 1, "scale": 2, "critical": false},
    {"code": "LANGUAGE", "textKk": "Қоңырау шалушының тілінде (қазақша/орысша) сыпайы сөйлесті", "textRu": "Вежливо говорил на языке звонящего (казахском/русском)", "weight": 1, "scale": 2, "critical": false}]},
  {"titleKk": "Тыңдау", "titleRu": "Слушание", "criteria": [
    {"code": "LISTENING", "textKk": "Бөлмей тыңдап, сұрақты нақтылады", "textRu": "Выслушал не перебивая, уточнил вопрос", "weight": 2, "scale": 4, "critical": false},
    {"code": "EMPATHY", "textKk": "Қоңырау шалушының жағдайына ілтипат көрсетті", "textRu": "Проявил внимание к состоянию звонящего", "weight": 1, "scale": 2, "critical": false}]},
  {"titleKk": "Ақпараттың дұрыстығы", "titleRu": "Правильность информации", "criteria": [
    {"code": "CORRECTNESS", "textKk": "Діни / психологиялық ақпарат дұрыс, дәйекті және түсінікті", "textRu": "Религиозная / психологическая информация верна, обоснована и понятна", "weight": 3, "scale": 4, "critical": false},
    {"code": "NO_HARM", "textKk": "Радикалды, қате немесе зиянды кеңес берілген жоқ", "textRu": "Не было радикального, ошибочного или вредного совета", "weight": 1, "scale": 1, "critical": true}]},
  {"titleKk": "Орталыққа бағыттау", "titleRu": "Направление в центр", "criteria": [
    {"code": "REFERRAL", "textKk": "Қажет болса, орталыққа (психологқа, теологқа) жазылуды ұсынды", "textRu": "При необходимости предложил запись в центр (к психологу, теологу)", "weight": 2, "scale": 2, "critical": false}]},
  {"titleKk": "Деректерді қорғау", "titleRu": "Защита данных", "criteria": [
    {"code": "DATA_PROTECTION", "textKk": "Қоңырау шалушының жеке деректері артық сұралмады және жария етілмеді", "textRu": "Лишних персональных данных не спрашивал и не разглашал", "weight": 1, "scale": 1, "critical": true}]},
  {"titleKk": "Аяқтау", "titleRu": "Завершение", "criteria": [
    {"code": "CLOSING", "textKk": "Қорытынды жасап, қосымша сұрақ бар-жоғын сұрап, қоштасты", "textRu": "Подвёл итог, спросил о других вопросах, попрощался", "weight": 1, "scale": 2, "critical": false}]}
 ]}', 'system', now());
