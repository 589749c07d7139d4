-- The built-in administrator was named in English; Kazakh is the console's first language (issue 16).
update app_user set display_name = 'Әкімші' where username = 'admin' and display_name = 'Administrator';
