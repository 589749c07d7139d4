-- The centre and the expert pool as the interim report (seed 004) describes them, so a new installation
-- starts with the real centre. Contacts are left empty on purpose: staff add them.
insert into centre (name, address, city, region, opened_on) values
    ('Деструктивті діни қызметтен зардап шеккендерге консультациялық және психологиялық көмек көрсету орталығы',
     'Төлебаев көшесі, 72, «Тұран» бизнес орталығы, 2 қабат', 'Талдықорған', 'JETISU', date '2019-07-02');
insert into centre_room (centre_id, name) select id, '221' from centre where city = 'Талдықорған';

insert into expert (full_name, kind, title, organisation, languages, hotline_staff) values
    ('Шакимова Лола Сергеевна', 'PSYCHOLOGIST',
     'Психолог, эксперт, терроризм және экстремизм мәселелерінің алдын алу жөніндегі республикалық ақпараттық түсіндіру тобының мүшесі',
     'ҚР Ұлттық қауіпсіздік комитеті Академиясы (оқытушы)', '{kk,ru}', false),
    ('Абилиннова Айгүл Әділқызы', 'OTHER', 'Колледждердегі көшпелі қабылдауларға тартылған сарапшы',
     null, '{kk,ru}', false),
    ('Оразбаев Ардақ Нүсіпханұлы', 'IMAM', 'ҚМДБ-ның Талдықорған өңірі бойынша өкіл имамы',
     'Қазақстан мұсылмандары діни басқармасы', '{kk,ru}', false),
    ('Жетпісбай Назерке Жетпісбайқызы', 'RELIGIOUS_SCHOLAR', 'Дінтанушы',
     'Алматы қаласы Қоғамдық даму басқармасы жанындағы «Кеңес беру және оңалту орталығы»', '{kk,ru}', false);

-- A starting weekly schedule (the report says a public-reception schedule was approved, not its hours):
-- staff change it in the schedule screens.
insert into reception_hours (expert_id, centre_id, weekday, starts, length_minutes, slot_minutes, valid_from)
select e.id, c.id, 2, time '10:00', 180, 60, date '2019-07-02'
  from expert e, centre c where e.full_name = 'Шакимова Лола Сергеевна' and c.city = 'Талдықорған';
insert into reception_hours (expert_id, centre_id, weekday, starts, length_minutes, slot_minutes, valid_from)
select e.id, c.id, 4, time '14:00', 180, 60, date '2019-07-02'
  from expert e, centre c where e.full_name = 'Жетпісбай Назерке Жетпісбайқызы' and c.city = 'Талдықорған';

-- The events table of the interim report (seed 004), as filed.
insert into centre_event (centre_id, name, held_on, city, address, room, participants, participant_categories, experts,
                          completeness, documents, activity_label, created_by)
select c.id,
       'Республикалық «Қауырт желі» қызметі мен деструктивті діни қызметтен зардап шеккендерге консультациялық және психологиялық көмек көрсету орталығының ресми түрде іске қосылу шарасы',
       date '2019-07-02', 'Талдықорған', 'Төлебаев көшесі 72, «Тұран» бизнес орталығы', '221 (2 қабат)', 20,
       '«Нұр Отан» партиясы Алматы облыстық филиалы және ҚМДБ, православ шіркеуінің өкілдері, БАҚ өкілдері',
       'Талданбаева Элсонора Иманғазықызы – «Нұр Отан» партиясы Алматы облыстық филиалының партиялық бақылау инспекторы; ҚМДБ-ның Талдықорған өңірі бойынша өкілдігі; Нұрпазиев Нұрсұлтан Нұрқожаұлы – «Иман» мешітінің ұстазы; Мағлашов Александрович – Талдықорған қаласы орыс православиелік шіркеуінің өкілі',
       'Жоспарланған іс-шара толығымен орындалып, БАҚ беттерінде атқарылған іс-шаралар туралы мақалалар мен сюжеттер берілді',
       'Бағдарлама, сюжет, мақала, эфирлік анықтама (№ 3 қосымша)', '1 міндет, 3 іс-шара: орталықты ашу', 'seed-004'
  from centre c where c.city = 'Талдықорған';
insert into centre_event (centre_id, name, held_on, city, address, room, participants, participant_categories, experts,
                          completeness, documents, activity_label, created_by)
select c.id,
       'Республикалық «Қауырт желі» қызметі мен деструктивті діни қызметтен зардап шеккендерге консультациялық және психологиялық көмек көрсету орталығының қоғамдық қабылдау шарасы',
       date '2019-08-27', 'Талдықорған', 'Төлебаев көшесі 72, «Тұран» бизнес орталығы', '221 (2 қабат)', 20,
       'БАҚ өкілдері, оның ішінде «Жетісу», «Огни Алатау» газеттерінің тілшілері, орталық қызметкерлері, сұраныс білдірген азаматтар',
       'Шакимова Лола Сергеевна – ҚР Ұлттық қауіпсіздік комитеті Академиясының оқытушысы, психолог, эксперт',
       'Жоспарланған іс-шара толығымен орындалып, БАҚ беттерінде атқарылған іс-шаралар туралы мақалалар берілді',
       'Бағдарлама, видео, фото (№ 4 қосымша)', '1 міндет, 3 іс-шара: қоғамдық қабылдау', 'seed-004'
  from centre c where c.city = 'Талдықорған';
insert into centre_event (centre_id, name, held_on, city, address, room, participants, participant_categories, experts,
                          completeness, documents, activity_label, created_by)
select c.id,
       'Орталықтың ұқсас орталықтармен меморандумға қол қою рәсімі',
       date '2019-10-03', 'Талдықорған', '«Жетісу медиа» алаңы', null, 23,
       'Алматы облысының ішкі саясат басқармасы «Талдау және болжау орталығы» және орталық қызметкерлері',
       'Ескендіров Олжас Ақымбекович – «Талдау және болжау орталығы» ҚММ-нің директоры',
       'Жоспарланған іс-шара толығымен орындалды, меморандум қабылданды, әлеуметтік желілер мен БАҚ беттерінде мақалалар жарияланды',
       'Фото суреттер (№ 3 қосымша)', '2 міндет, 1 іс-шара: меморандум', 'seed-004'
  from centre c where c.city = 'Талдықорған';
